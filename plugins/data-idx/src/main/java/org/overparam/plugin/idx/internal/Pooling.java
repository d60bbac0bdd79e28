package org.overparam.plugin.idx.internal;

/**
 * Turns unsigned-byte images into inputs: each pixel divided by 255 (so values lie in [0, 1]),
 * then average pooling over non-overlapping {@code f x f} windows, e.g. 28x28 → 14x14 for
 * {@code f = 2} and → 7x7 for {@code f = 4}. The result of one image is {@code (h/f) x (w/f)}
 * values, row-major: the input shape {@code [1, h/f, w/f]}.
 */
final class Pooling {
    private Pooling() {
    }

    /**
     * @param pixels {@code n x h x w} unsigned bytes; not modified
     * @param n the number of images
     * @param h their height, divisible by f
     * @param w their width, divisible by f
     * @param f the pooling factor, at least 1
     * @return {@code n x (h/f) x (w/f)} values in [0, 1]
     */
    static double[] apply(byte[] pixels, int n, int h, int w, int f) {
        int oh = h / f;
        int ow = w / f;
        double[] out = new double[n * oh * ow];
        double scale = 255.0 * f * f;
        for (int i = 0; i < n; i++) {
            int src = i * h * w;
            int dst = i * oh * ow;
            for (int r = 0; r < h; r++) {
                int orow = dst + (r / f) * ow;
                for (int c = 0; c < w; c++) {
                    out[orow + c / f] += pixels[src + r * w + c] & 0xff;
                }
            }
            for (int j = dst; j < dst + oh * ow; j++) {
                out[j] /= scale;
            }
        }
        return out;
    }
}
