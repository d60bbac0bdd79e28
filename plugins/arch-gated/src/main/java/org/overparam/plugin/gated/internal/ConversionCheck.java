package org.overparam.plugin.gated.internal;

import org.overparam.api.Batch;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;

/**
 * Evaluates a {@link Conversion}'s ReLU network and the surrogate on the same inputs, compares
 * them, and bounds the difference a posteriori (docs/gated-conversion.md, section "Rounding").
 * With {@code gamma_K = K u / (1 - K u)}, {@code u = 2^-53}, a dot product of length K computed in
 * floating point in any order errs by at most {@code gamma_K} times the dot product of the
 * absolute values. Propagating that through each layer, with ReLU 1-Lipschitz and the converted
 * weights themselves rounded ({@link Conversion#magnitudes()}), gives for the converted network
 * {@code E_l = |M_l|~ (E_{l-1} + gamma_{K+2} |P_{l-1}|)}, {@code E_0 = 0}, and at the output
 * {@code |M_out|~ (E_L + gamma_{2m+2} |P_L|)}; for the surrogate with its exact gates
 * {@code e_l = g_l .* |W_l| (e_{l-1} + gamma_K |v_{l-1}|)} and {@code |B| (e_L + gamma_m |v_L|)}.
 * Their sum bounds {@code |f_converted - f_surrogate|} on every input that passes the margin
 * condition (to first order in u).
 *
 * @param surrogate {@code n x k} surrogate outputs
 * @param converted {@code n x k} outputs of the converted network
 * @param bound {@code n x k} bounds of their difference
 * @param maxAbsDiff the largest difference over the passing inputs (0 if none)
 * @param maxRelDiff {@code maxAbsDiff} over the largest surrogate output in absolute value on them
 * @param errorBound the largest bound over the passing inputs
 * @param failingMaxAbsDiff the largest difference over the failing inputs (0 if none)
 */
record ConversionCheck(double[] surrogate, double[] converted, double[] bound, double maxAbsDiff, double maxRelDiff,
                       double errorBound, double failingMaxAbsDiff) {
    private static final double U = 0x1.0p-53;

    /**
     * @param model the surrogate
     * @param effective its effective weights; not modified
     * @param conversion the converted network for these weights
     * @param batch the inputs
     * @return the comparison
     */
    static ConversionCheck of(Surrogate model, Params effective, Conversion conversion, Batch batch) {
        int n = batch.n();
        int k = model.outputSize();
        double[] surrogate = model.network().forward(effective, batch).output();
        double[][] conv = relu(conversion, batch);
        double[] bound = conv[1];
        double[] sur = surrogateBound(model, effective, batch);
        double diff = 0;
        double fdiff = 0;
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            boolean pass = conversion.passes(i);
            for (int o = 0; o < k; o++) {
                int at = i * k + o;
                bound[at] += sur[at];
                double d = Math.abs(conv[0][at] - surrogate[at]);
                if (pass) {
                    diff = Math.max(diff, d);
                    scale = Math.max(scale, Math.abs(surrogate[at]));
                    worst = Math.max(worst, bound[at]);
                } else {
                    fdiff = Math.max(fdiff, d);
                }
            }
        }
        return new ConversionCheck(surrogate, conv[0], bound, diff, scale > 0 ? diff / scale : 0.0, worst, fdiff);
    }

    /**
     * Evaluates the converted (fc) network with the rounding bound.
     *
     * @param conversion the network
     * @param batch the inputs
     * @return {@code {outputs, bounds}}, each {@code n x k}
     */
    static double[][] relu(Conversion conversion, Batch batch) {
        int n = batch.n();
        double[] p = batch.inputs();
        double[] e = new double[p.length];
        Params w = conversion.params();
        int blocks = w.layout().count();
        for (int b = 0; b < blocks; b++) {
            int out = w.layout().block(b).shape().dim(0);
            int in = w.layout().block(b).shape().dim(1);
            double[] pre = new double[n * out];
            Linalg.gemm(false, true, n, out, in, 1.0, p, 0, in, w.block(b), 0, in, 0.0, pre, 0, out);
            double[] next = new double[n * out];
            Linalg.gemm(false, true, n, out, in, 1.0, plusGamma(e, p, in + 2), 0, in, conversion.magnitudes().block(b), 0,
                    in, 0.0, next, 0, out);
            e = next;
            if (b < blocks - 1) {
                for (int j = 0; j < pre.length; j++) {
                    pre[j] = pre[j] > 0 ? pre[j] : 0.0;
                }
            }
            p = pre;
        }
        return new double[][] {p, e};
    }

    /** @return the rounding bound of the surrogate's computed outputs, {@code n x k} */
    private static double[] surrogateBound(Surrogate model, Params eff, Batch batch) {
        Surrogate.Values f = model.values(eff, batch);
        int n = batch.n();
        double[] e = new double[batch.inputs().length];
        for (int l = 1; l <= model.depth() + 1; l++) {
            boolean last = l == model.depth() + 1;
            int in = model.in(l - 1);
            int out = last ? model.outputSize() : model.width();
            double[] w = eff.block(last ? model.outIndex() : Surrogate.valueIndex(l));
            double[] aw = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                aw[j] = Math.abs(w[j]);
            }
            double[] next = new double[n * out];
            Linalg.gemm(false, true, n, out, in, 1.0, plusGamma(e, f.inputs()[l - 1], in), 0, in, aw, 0, in, 0.0, next, 0,
                    out);
            if (!last) {
                Surrogate.gate(f.gates()[l - 1], next);
            }
            e = next;
        }
        return e;
    }

    /** @return {@code e + gamma_K |x|}, a new array */
    private static double[] plusGamma(double[] e, double[] x, int k) {
        double gamma = k * U / (1 - k * U);
        double[] r = new double[e.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = e[j] + gamma * Math.abs(x[j]);
        }
        return r;
    }
}
