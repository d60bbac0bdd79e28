package org.overparam.linalg;

/**
 * Unfolds images into patch matrices so a convolution becomes one gemm, and folds them back for
 * the backward pass (the im2col/col2im of Caffe and PyTorch's {@code unfold}/{@code fold}).
 *
 * <p>An image is {@code [c, h, w]} row-major; a 1-D signal {@code [c, l]} is the image
 * {@code [c, 1, l]}. With kernel {@code kh x kw}, stride {@code sh, sw} and zero padding
 * {@code ph, pw}, the output is {@code oh x ow} with {@code oh = (h + 2 ph - kh) / sh + 1}. The
 * patch matrix is {@code [c kh kw, oh ow]} row-major: row {@code (ch, ki, kj)} holds, for each
 * output position {@code (oy, ox)}, the pixel {@code (ch, oy sh - ph + ki, ox sw - pw + kj)}, or 0
 * in the padding. A convolution with weights {@code [out, c, kh, kw]} (PyTorch's layout, read as
 * {@code out x c kh kw}) is then {@code Y = W cols}, {@code out x oh ow}; its input gradient is
 * {@code col2im(W^T dY)} and its weight gradient {@code dY cols^T}.
 */
public final class Im2col {
    private Im2col() {
    }

    /**
     * @param size the input's size along one axis
     * @param kernel the kernel's size along it
     * @param stride the stride, at least 1
     * @param padding zero padding on each side, at least 0
     * @return the output's size along that axis
     * @throws IllegalArgumentException if the kernel does not fit in the padded input
     */
    public static int outputSize(int size, int kernel, int stride, int padding) {
        if (stride < 1 || padding < 0 || kernel < 1) {
            throw new IllegalArgumentException("kernel " + kernel + ", stride " + stride + ", padding " + padding
                    + ": need kernel >= 1, stride >= 1, padding >= 0");
        }
        if (size + 2 * padding < kernel) {
            throw new IllegalArgumentException("kernel " + kernel + " is larger than the input " + size
                    + " with padding " + padding);
        }
        return (size + 2 * padding - kernel) / stride + 1;
    }

    /**
     * Unfolds one 2-D image.
     *
     * @param c channels
     * @param h height
     * @param w width
     * @param kh kernel height
     * @param kw kernel width
     * @param sh vertical stride
     * @param sw horizontal stride
     * @param ph vertical padding
     * @param pw horizontal padding
     * @param image {@code c x h x w} values; not modified
     * @param imageOff offset of the image's first value
     * @param cols receives the {@code [c kh kw, oh ow]} patch matrix
     * @param colsOff offset of its first value
     */
    public static void im2col(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw,
                              double[] image, int imageOff, double[] cols, int colsOff) {
        int oh = outputSize(h, kh, sh, ph);
        int ow = outputSize(w, kw, sw, pw);
        int row = colsOff;
        for (int ch = 0; ch < c; ch++) {
            int plane = imageOff + ch * h * w;
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    for (int oy = 0; oy < oh; oy++) {
                        int y = oy * sh - ph + ki;
                        int dst = row + oy * ow;
                        if (y < 0 || y >= h) {
                            java.util.Arrays.fill(cols, dst, dst + ow, 0.0);
                            continue;
                        }
                        int src = plane + y * w;
                        for (int ox = 0; ox < ow; ox++) {
                            int x = ox * sw - pw + kj;
                            cols[dst + ox] = x >= 0 && x < w ? image[src + x] : 0.0;
                        }
                    }
                    row += oh * ow;
                }
            }
        }
    }

    /**
     * Folds a patch matrix back onto a 2-D image, adding every patch entry to the pixel it came
     * from (the adjoint of {@link #im2col}). Entries from the padding are dropped.
     *
     * @param c channels
     * @param h height
     * @param w width
     * @param kh kernel height
     * @param kw kernel width
     * @param sh vertical stride
     * @param sw horizontal stride
     * @param ph vertical padding
     * @param pw horizontal padding
     * @param cols the {@code [c kh kw, oh ow]} patch matrix; not modified
     * @param colsOff offset of its first value
     * @param image {@code c x h x w} values, added to (zero it first for a plain fold)
     * @param imageOff offset of the image's first value
     */
    public static void col2im(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw,
                              double[] cols, int colsOff, double[] image, int imageOff) {
        int oh = outputSize(h, kh, sh, ph);
        int ow = outputSize(w, kw, sw, pw);
        int row = colsOff;
        for (int ch = 0; ch < c; ch++) {
            int plane = imageOff + ch * h * w;
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    for (int oy = 0; oy < oh; oy++) {
                        int y = oy * sh - ph + ki;
                        if (y < 0 || y >= h) {
                            continue;
                        }
                        int src = row + oy * ow;
                        int dst = plane + y * w;
                        for (int ox = 0; ox < ow; ox++) {
                            int x = ox * sw - pw + kj;
                            if (x >= 0 && x < w) {
                                image[dst + x] += cols[src + ox];
                            }
                        }
                    }
                    row += oh * ow;
                }
            }
        }
    }

    /**
     * Unfolds one 1-D signal {@code [c, l]} into {@code [c k, ol]}.
     *
     * @param c channels
     * @param l length
     * @param k kernel size
     * @param stride the stride
     * @param padding zero padding on each side
     * @param signal {@code c x l} values; not modified
     * @param signalOff offset of its first value
     * @param cols receives the {@code [c k, ol]} patch matrix
     * @param colsOff offset of its first value
     */
    public static void im2col1d(int c, int l, int k, int stride, int padding, double[] signal, int signalOff,
                                double[] cols, int colsOff) {
        im2col(c, 1, l, 1, k, 1, stride, 0, padding, signal, signalOff, cols, colsOff);
    }

    /**
     * Folds a {@code [c k, ol]} patch matrix back onto a 1-D signal (adds).
     *
     * @param c channels
     * @param l length
     * @param k kernel size
     * @param stride the stride
     * @param padding zero padding on each side
     * @param cols the patch matrix; not modified
     * @param colsOff offset of its first value
     * @param signal {@code c x l} values, added to
     * @param signalOff offset of its first value
     */
    public static void col2im1d(int c, int l, int k, int stride, int padding, double[] cols, int colsOff,
                                double[] signal, int signalOff) {
        col2im(c, 1, l, 1, k, 1, stride, 0, padding, cols, colsOff, signal, signalOff);
    }
}
