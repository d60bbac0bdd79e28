package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * im2col + gemm against a direct convolution loop, and col2im as the exact adjoint of im2col
 * ({@code <im2col(x), y> = <x, col2im(y)>}), for 2-D and 1-D inputs with strides and padding.
 * Tolerance {@code 1e-12}.
 */
class Im2colTest {
    @ParameterizedTest(name = "c={0} h={1} w={2} k={3}x{4} s={5},{6} p={7},{8}")
    @CsvSource({"1,1,1,1,1,1,1,0,0", "3,7,9,3,3,1,1,1,1", "2,8,8,3,2,2,3,0,1", "4,5,11,5,5,2,2,2,2", "1,6,6,6,6,1,1,0,0"})
    void convolutionByGemmMatchesTheDirectLoop(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw) {
        SplittableRandom r = new SplittableRandom(c * 1000L + h * 10 + kw);
        int out = 3;
        int oh = Im2col.outputSize(h, kh, sh, ph);
        int ow = Im2col.outputSize(w, kw, sw, pw);
        double[] image = Reference.uniform(r, 1 + c * h * w);
        double[] weights = Reference.uniform(r, out * c * kh * kw);
        double[] cols = new double[c * kh * kw * oh * ow];
        Im2col.im2col(c, h, w, kh, kw, sh, sw, ph, pw, image, 1, cols, 0);
        double[] y = new double[out * oh * ow];
        Linalg.gemm(false, false, out, oh * ow, c * kh * kw, 1.0, weights, cols, 0.0, y);
        for (int o = 0; o < out; o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double s = 0;
                    for (int ch = 0; ch < c; ch++) {
                        for (int ki = 0; ki < kh; ki++) {
                            for (int kj = 0; kj < kw; kj++) {
                                int yy = oy * sh - ph + ki;
                                int xx = ox * sw - pw + kj;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                    s += weights[((o * c + ch) * kh + ki) * kw + kj] * image[1 + (ch * h + yy) * w + xx];
                                }
                            }
                        }
                    }
                    assertEquals(s, y[(o * oh + oy) * ow + ox], 1e-12);
                }
            }
        }
        double[] probe = Reference.uniform(r, cols.length);
        double[] back = new double[1 + c * h * w];
        Im2col.col2im(c, h, w, kh, kw, sh, sw, ph, pw, probe, 0, back, 1);
        assertEquals(Linalg.dot(cols, probe), Linalg.dot(image, back) - image[0] * back[0], 1e-12);
    }

    @Test
    void oneDimensionalSignals() {
        double[] signal = {1, 2, 3, 4, 5, 10, 20, 30, 40, 50};
        int ol = Im2col.outputSize(5, 3, 2, 1);
        assertEquals(3, ol);
        double[] cols = new double[2 * 3 * ol];
        Im2col.im2col1d(2, 5, 3, 2, 1, signal, 0, cols, 0);
        assertArrayEquals(new double[] {0, 2, 4, 1, 3, 5, 2, 4, 0, 0, 20, 40, 10, 30, 50, 20, 40, 0}, cols, 0.0);
        double[] back = new double[10];
        Im2col.col2im1d(2, 5, 3, 2, 1, cols, 0, back, 0);
        assertArrayEquals(new double[] {1, 4, 3, 8, 5, 10, 40, 30, 80, 50}, back, 0.0);
    }

    @Test
    void kernelsLargerThanTheInputAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Im2col.outputSize(3, 5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Im2col.outputSize(3, 1, 0, 0));
    }
}
