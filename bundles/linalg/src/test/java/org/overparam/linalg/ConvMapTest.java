package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One convolution against a naive direct convolution, and its two adjoints against each other. */
class ConvMapTest {
    /** Products of O(100) terms of size O(1), summed in another order. */
    static final double TOLERANCE = 1e-13;

    static List<ConvMap> maps() {
        return List.of(
                new ConvMap(2, 5, 6, 3, 3, 3, 1, 1, 1, 1),
                new ConvMap(3, 7, 7, 2, 3, 2, 2, 3, 0, 1),
                new ConvMap(1, 4, 4, 2, 4, 4, 1, 1, 0, 0),
                new ConvMap(2, 1, 11, 4, 1, 3, 1, 2, 0, 2),
                new ConvMap(3, 6, 5, 2, 2, 2, 3, 2, 2, 1));
    }

    @ParameterizedTest
    @MethodSource("maps")
    void applyMatchesADirectConvolution(ConvMap m) {
        int n = 3;
        double[] w = gaussian(m.out() * m.patch(), 1);
        double[] x = gaussian(n * m.inSize(), 2);
        double[] y = new double[n * m.outSize()];
        m.apply(n, w, x, y, false);
        double[] ref = direct(m, w, x, n);
        for (int i = 0; i < y.length; i++) {
            assertEquals(ref[i], y[i], TOLERANCE * (1 + Math.abs(ref[i])), m + " at " + i);
        }
        double[] twice = y.clone();
        m.apply(n, w, x, twice, true);
        for (int i = 0; i < y.length; i++) {
            assertEquals(2 * y[i], twice[i], 1e-15 * Math.abs(y[i]));
        }
    }

    @ParameterizedTest
    @MethodSource("maps")
    void gradientsAreTheAdjointsOfTheMap(ConvMap m) {
        int n = 2;
        double[] w = gaussian(m.out() * m.patch(), 3);
        double[] x = gaussian(n * m.inSize(), 4);
        double[] dy = gaussian(n * m.outSize(), 5);
        double[] y = new double[n * m.outSize()];
        m.apply(n, w, x, y, false);
        double[] dx = new double[n * m.inSize()];
        m.inputGradient(n, w, dy, dx, false);
        double[] gw = new double[w.length];
        m.weightGradient(n, x, dy, gw, false);
        double ydy = dot(y, dy);
        assertEquals(ydy, dot(x, dx), TOLERANCE * norm(y) * norm(dy) * 10, "<W x, dy> = <x, W^T dy>");
        assertEquals(ydy, dot(w, gw), TOLERANCE * norm(y) * norm(dy) * 10, "<W x, dy> = <W, dW>");
    }

    /** The definition, with zero padding: {@code y[o, r, s] = sum W[o, c, i, j] x[c, r sh - ph + i, s sw - pw + j]}. */
    static double[] direct(ConvMap m, double[] w, double[] x, int n) {
        int oh = (m.h() + 2 * m.ph() - m.kh()) / m.sh() + 1;
        int ow = (m.w() + 2 * m.pw() - m.kw()) / m.sw() + 1;
        double[] y = new double[n * m.out() * oh * ow];
        for (int s = 0; s < n; s++) {
            for (int o = 0; o < m.out(); o++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        double v = 0;
                        for (int c = 0; c < m.c(); c++) {
                            for (int i = 0; i < m.kh(); i++) {
                                for (int j = 0; j < m.kw(); j++) {
                                    int yy = r * m.sh() - m.ph() + i;
                                    int xx = q * m.sw() - m.pw() + j;
                                    if (yy >= 0 && yy < m.h() && xx >= 0 && xx < m.w()) {
                                        v += w[((o * m.c() + c) * m.kh() + i) * m.kw() + j]
                                                * x[s * m.inSize() + (c * m.h() + yy) * m.w() + xx];
                                    }
                                }
                            }
                        }
                        y[((s * m.out() + o) * oh + r) * ow + q] = v;
                    }
                }
            }
        }
        return y;
    }

    static double[] gaussian(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = Reference.gaussian(r);
        }
        return a;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
