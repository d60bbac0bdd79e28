package org.overparam.plugin.cnn.internal;

import org.overparam.api.Params;

/**
 * A reference evaluation of a cnn by direct convolution loops, written from the definition
 * {@code z[o, y, x] = b[o] + sum_{c, i, j} W[o, c, i, j] in[c, y s - p + i, x s - p + j]} (zero
 * outside the input), independent of im2col and gemm; geometry from the test case. Test-only.
 */
final class NaiveCnn {
    private NaiveCnn() {
    }

    /**
     * @param c the case
     * @param w the point, in the model's block order (weight, then bias if any, per layer)
     * @param x {@code n x d} inputs
     * @param n samples
     * @return {@code n x k} outputs
     */
    static double[] outputs(Cnns.Case c, Params w, double[] x, int n) {
        int k = c.outputs();
        int layers = c.channels().length;
        int d = x.length / n;
        double[] out = new double[n * k];
        for (int s = 0; s < n; s++) {
            int[] g = c.geometry();
            int ch = g[0];
            int h = g[1];
            int wd = g[2];
            double[] a = new double[d];
            System.arraycopy(x, s * d, a, 0, d);
            int block = 0;
            for (int l = 0; l < layers; l++) {
                int kk = c.at(c.kernel(), l);
                int st = c.at(c.stride(), l);
                int pd = c.at(c.padding(), l);
                int kh = c.twoD() ? kk : 1;
                int sh = c.twoD() ? st : 1;
                int ph = c.twoD() ? pd : 0;
                double[] wt = w.block(block++);
                double[] b = c.bias() ? w.block(block++) : null;
                int oc = c.channels()[l];
                int oh = (h + 2 * ph - kh) / sh + 1;
                int ow = (wd + 2 * pd - kk) / st + 1;
                double[] z = new double[oc * oh * ow];
                for (int o = 0; o < oc; o++) {
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            double v = b == null ? 0 : b[o];
                            for (int ci = 0; ci < ch; ci++) {
                                for (int i = 0; i < kh; i++) {
                                    for (int j = 0; j < kk; j++) {
                                        int yy = y * sh - ph + i;
                                        int xi = xx * st - pd + j;
                                        if (yy >= 0 && yy < h && xi >= 0 && xi < wd) {
                                            v += wt[((o * ch + ci) * kh + i) * kk + j] * a[(ci * h + yy) * wd + xi];
                                        }
                                    }
                                }
                            }
                            z[(o * oh + y) * ow + xx] = Math.max(v, 0);
                        }
                    }
                }
                a = z;
                ch = oc;
                h = oh;
                wd = ow;
            }
            double[] feat = a;
            if (c.head().equals("avgpool")) {
                feat = new double[ch];
                for (int ci = 0; ci < ch; ci++) {
                    for (int p = 0; p < h * wd; p++) {
                        feat[ci] += a[ci * h * wd + p] / (h * wd);
                    }
                }
            }
            double[] wh = w.block(block++);
            double[] bh = c.bias() ? w.block(block) : null;
            for (int o = 0; o < k; o++) {
                double v = bh == null ? 0 : bh[o];
                for (int j = 0; j < feat.length; j++) {
                    v += wh[o * feat.length + j] * feat[j];
                }
                out[s * k + o] = v;
            }
        }
        return out;
    }
}
