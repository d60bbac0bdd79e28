package org.overparam.plugin.resnet.internal;

import org.overparam.api.Params;

/**
 * A reference evaluation of a resnet by scalar loops from the definition
 * {@code h_0 = ReLU(A x)}, {@code h_l = h_{l-1} + tau ReLU(W_l h_{l-1})}, {@code f = B pool(h_L)},
 * with convolutions computed directly (same padding, stride 1), independent of im2col and gemm.
 * Test-only.
 */
final class NaiveResNet {
    private NaiveResNet() {
    }

    /**
     * @param c the case
     * @param tau tau
     * @param w the point (A, W1..WL, B)
     * @param x {@code n x d} inputs
     * @param n samples
     * @return {@code n x k} outputs
     */
    static double[] outputs(ResNets.Case c, double tau, Params w, double[] x, int n) {
        double[][] blocks = new double[c.depth()][];
        for (int l = 0; l < blocks.length; l++) {
            blocks[l] = w.block(l + 1);
        }
        return outputs(c, tau, w.block(0), blocks, w.block(c.depth() + 1), x, n);
    }

    /**
     * @param c the case (its depth is ignored)
     * @param tau tau
     * @param a A's values
     * @param blocks the values of W_1 .. W_L' for any number L' of blocks (none: the input and
     *     output layers alone)
     * @param b B's values
     * @param x {@code n x d} inputs
     * @param n samples
     * @return {@code n x k} outputs
     */
    static double[] outputs(ResNets.Case c, double tau, double[] a, double[][] blocks, double[] b, double[] x, int n) {
        int d = x.length / n;
        int k = c.outputs();
        double[] out = new double[n * k];
        for (int s = 0; s < n; s++) {
            double[] xi = new double[d];
            System.arraycopy(x, s * d, xi, 0, d);
            int[] g = geometry(c);
            double[] h = relu(map(c, g, g[0], a, xi));
            for (double[] wl : blocks) {
                double[] r = relu(map(c, g, c.width(), wl, h));
                for (int j = 0; j < h.length; j++) {
                    h[j] += tau * r[j];
                }
            }
            double[] feat = h;
            if (!c.dense() && c.head().equals("avgpool")) {
                int positions = g[1] * g[2];
                feat = new double[c.width()];
                for (int ch = 0; ch < c.width(); ch++) {
                    for (int p = 0; p < positions; p++) {
                        feat[ch] += h[ch * positions + p] / positions;
                    }
                }
            }
            for (int o = 0; o < k; o++) {
                double v = 0;
                for (int j = 0; j < feat.length; j++) {
                    v += b[o * feat.length + j] * feat[j];
                }
                out[s * k + o] = v;
            }
        }
        return out;
    }

    /** @return [c, h, w] of a sample for conv cases ([1, 1, d] for dense: unused) */
    static int[] geometry(ResNets.Case c) {
        int[] s = c.data().dims();
        if (c.dense()) {
            return new int[] {1, 1, c.data().size()};
        }
        return s.length == 3 ? s : s.length == 2 ? new int[] {s[0], 1, s[1]} : new int[] {1, 1, s[0]};
    }

    /** @return W a: dense {@code [out, in]} times a, or a same-padding convolution from inC channels */
    static double[] map(ResNets.Case c, int[] g, int inC, double[] wt, double[] a) {
        if (c.dense()) {
            int out = c.width();
            double[] z = new double[out];
            for (int o = 0; o < out; o++) {
                for (int j = 0; j < a.length; j++) {
                    z[o] += wt[o * a.length + j] * a[j];
                }
            }
            return z;
        }
        int h = g[1];
        int wd = g[2];
        int k = c.kernel();
        boolean twoD = c.data().rank() == 3;
        int kh = twoD ? k : 1;
        int p = (k - 1) / 2;
        int ph = twoD ? p : 0;
        double[] z = new double[c.width() * h * wd];
        for (int o = 0; o < c.width(); o++) {
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < wd; xx++) {
                    double v = 0;
                    for (int ci = 0; ci < inC; ci++) {
                        for (int i = 0; i < kh; i++) {
                            for (int j = 0; j < k; j++) {
                                int yy = y - ph + i;
                                int xi = xx - p + j;
                                if (yy >= 0 && yy < h && xi >= 0 && xi < wd) {
                                    v += wt[((o * inC + ci) * kh + i) * k + j] * a[(ci * h + yy) * wd + xi];
                                }
                            }
                        }
                    }
                    z[(o * h + y) * wd + xx] = v;
                }
            }
        }
        return z;
    }

    static double[] relu(double[] z) {
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            a[i] = Math.max(z[i], 0);
        }
        return a;
    }
}
