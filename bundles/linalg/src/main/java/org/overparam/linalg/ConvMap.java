package org.overparam.linalg;

import java.util.Arrays;

/**
 * A convolution without bias (a cross-correlation, as in PyTorch) from {@code [c, h, w]} to
 * {@code [out, oh, ow]}, {@code oh = (h + 2 ph - kh) / sh + 1}, with weights
 * {@code [out, c, kh, kw]} read as the {@code out x (c kh kw)} matrix W. A 1-D convolution over
 * {@code [c, l]} is the case {@code h = kh = sh = 1, ph = 0}; its weights are {@code [out, c, k]}.
 *
 * <p>Per sample, {@link Im2col} unfolds the input into the patch matrix {@code cols}
 * ({@code c kh kw x oh ow}); then {@code Y = W cols}, {@code dW += dY cols^T} and
 * {@code dX = col2im(W^T dY)}, each one {@link Linalg#gemm}. The patch matrix is recomputed in the
 * backward pass instead of stored: it costs {@code 1/out} of the product and saves
 * {@code n c kh kw oh ow} values per layer.
 *
 * @param c input channels
 * @param h input height (1 for 1-D)
 * @param w input width (the length for 1-D)
 * @param out output channels
 * @param kh kernel height (1 for 1-D)
 * @param kw kernel width
 * @param sh vertical stride (1 for 1-D)
 * @param sw horizontal stride
 * @param ph vertical zero padding on each side (0 for 1-D)
 * @param pw horizontal zero padding on each side
 */
public record ConvMap(int c, int h, int w, int out, int kh, int kw, int sh, int sw, int ph, int pw) implements LinearMap {
    /** @return output height */
    public int oh() {
        return Im2col.outputSize(h, kh, sh, ph);
    }

    /** @return output width */
    public int ow() {
        return Im2col.outputSize(w, kw, sw, pw);
    }

    /** @return output positions per channel, {@code oh ow} */
    public int positions() {
        return oh() * ow();
    }

    /** @return rows of the patch matrix, {@code c kh kw}: the fan-in of an output unit */
    public int patch() {
        return c * kh * kw;
    }

    @Override
    public int inSize() {
        return c * h * w;
    }

    @Override
    public int outSize() {
        return out * positions();
    }

    @Override
    public void apply(int n, double[] wt, double[] x, double[] y, boolean add) {
        int p = positions();
        int k = patch();
        double[] cols = new double[k * p];
        for (int i = 0; i < n; i++) {
            unfold(x, i, cols);
            Linalg.gemm(false, false, out, p, k, 1.0, wt, 0, k, cols, 0, p, add ? 1.0 : 0.0, y, i * outSize(), p);
        }
    }

    @Override
    public void weightGradient(int n, double[] x, double[] dy, double[] gw, boolean add) {
        int p = positions();
        int k = patch();
        if (n == 0 && !add) {
            Arrays.fill(gw, 0.0);
        }
        double[] cols = new double[k * p];
        for (int i = 0; i < n; i++) {
            unfold(x, i, cols);
            Linalg.gemm(false, true, out, k, p, 1.0, dy, i * outSize(), p, cols, 0, p, add || i > 0 ? 1.0 : 0.0,
                    gw, 0, k);
        }
    }

    @Override
    public void inputGradient(int n, double[] wt, double[] dy, double[] dx, boolean add) {
        int p = positions();
        int k = patch();
        int size = inSize();
        double[] cols = new double[k * p];
        for (int i = 0; i < n; i++) {
            Linalg.gemm(true, false, k, p, out, 1.0, wt, 0, k, dy, i * outSize(), p, 0.0, cols, 0, p);
            if (!add) {
                Arrays.fill(dx, i * size, (i + 1) * size, 0.0);
            }
            Im2col.col2im(c, h, w, kh, kw, sh, sw, ph, pw, cols, 0, dx, i * size);
        }
    }

    private void unfold(double[] x, int i, double[] cols) {
        Im2col.im2col(c, h, w, kh, kw, sh, sw, ph, pw, x, i * inSize(), cols, 0);
    }
}
