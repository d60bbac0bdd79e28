package org.overparam.plugin.fc.internal;

import org.overparam.api.Params;

/**
 * A reference evaluation of an {@code fc} network with scalar loops over hyper-dual numbers, written
 * from the definition {@code z_l = W_l a_{l-1} + b_l}, {@code a_l = sigma(z_l)}, independent of the
 * model's matrix code. Test-only.
 */
final class NaiveNet {
    private NaiveNet() {
    }

    /**
     * @param net the network whose structure (widths, blocks, activation) to follow
     * @param w the point
     * @param u the e1 direction, or null
     * @param v the e2 direction, or null
     * @param x {@code n x d} inputs
     * @param n the number of samples
     * @return {@code n x k} outputs at {@code w + e1 u + e2 v}
     */
    static HyperDual[] outputs(Nets.Case net, Params w, Params u, Params v, double[] x, int n) {
        int k = net.outputs();
        int depth = net.depth();
        int stride = net.bias() ? 2 : 1;
        org.overparam.nn.Nonlinearity sigma = FullyConnected.activation(net.activation());
        HyperDual[] out = new HyperDual[n * k];
        for (int i = 0; i < n; i++) {
            int d = net.input().size();
            HyperDual[] a = new HyperDual[d];
            for (int j = 0; j < d; j++) {
                a[j] = HyperDual.constant(x[i * d + j]);
            }
            for (int l = 0; l <= depth; l++) {
                HyperDual[] z = new HyperDual[l == depth ? k : net.width()];
                for (int r = 0; r < z.length; r++) {
                    HyperDual s = net.bias() ? value(w, u, v, stride * l + 1, r) : HyperDual.ZERO;
                    for (int c = 0; c < a.length; c++) {
                        s = s.plus(value(w, u, v, stride * l, r * a.length + c).times(a[c]));
                    }
                    z[r] = s;
                }
                if (l < depth) {
                    for (int r = 0; r < z.length; r++) {
                        z[r] = z[r].activate(sigma);
                    }
                }
                a = z;
            }
            System.arraycopy(a, 0, out, i * k, k);
        }
        return out;
    }

    private static HyperDual value(Params w, Params u, Params v, int block, int j) {
        return new HyperDual(w.block(block)[j], u == null ? 0 : u.block(block)[j], v == null ? 0 : v.block(block)[j], 0);
    }
}
