package org.overparam.plugin.gated.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.linalg.Linalg;

/**
 * Converts a gated surrogate (arXiv 2101.04243) into a plain ReLU network that computes the same
 * outputs on a given set of inputs; derived and proven in docs/gated-conversion.md. With the
 * surrogate's effective weights (multipliers applied) {@code W0_l} (gates), {@code W_l},
 * {@code B = W_out}, gate pre-activations {@code z0_l} and value pre-activations
 * {@code u_l = W_l v_{l-1}}: if {@code |z0_l| > c |u_l|} for every unit and input (the margin
 * condition), then {@code p_l = ReLU(z0_l + c u_l)} satisfies {@code p_l - a0_l = c v_l}, so the
 * width-2m ReLU network on {@code P_l = [a0_l; p_l]} with
 * <pre>
 *   W1'  = [W0_1; W0_1 + c W_1]                  (2m x d)
 *   Wl'  = [[W0_l, 0], [W0_l - W_l, W_l]]         (2m x 2m), l = 2..L
 *   Wout' = [-B / c, B / c]                       (k x 2m)
 * </pre>
 * computes exactly {@code B v_L}. The scale is {@code c = safety * min |z0| / |u|} over the inputs
 * that pass and every unit; an input fails when some unit has {@code |z0| <= mu s}, with
 * {@code s = sum_k |W0_jk a0_k|} the unit's own magnitude (a gate that close to its hyperplane is
 * not reliable in floating point). Failing inputs are reported, never silently mis-converted.
 *
 * <p>Cost: one surrogate forward pass, L more products for {@code u} and L for {@code s}.
 */
final class ReluConversion {
    private ReluConversion() {
    }

    /**
     * @param model the surrogate
     * @param effective its effective weights (the run's multipliers applied); not modified
     * @param batch the inputs to convert for (only inputs are read)
     * @param safety the fraction of the largest admissible c to use, in (0, 1)
     * @param mu the relative tolerance below which a gate pre-activation fails, at least 0
     * @return the converted weights and the facts of the construction
     */
    static Conversion convert(Surrogate model, Params effective, Batch batch, double safety, double mu) {
        if (!(safety > 0 && safety < 1) || !(mu >= 0)) {
            throw new IllegalArgumentException("safety " + safety + " must lie in (0, 1) and mu " + mu + " be at least 0");
        }
        Surrogate.Values f = model.values(effective, batch);
        int n = batch.n();
        int m = model.width();
        int depth = model.depth();
        double[][] u = new double[depth][];
        double[] worst = new double[n];
        java.util.Arrays.fill(worst, Double.POSITIVE_INFINITY);
        double[] a0 = batch.inputs();
        for (int l = 1; l <= depth; l++) {
            int in = model.in(l - 1);
            u[l - 1] = new double[n * m];
            Linalg.gemm(false, true, n, m, in, 1.0, f.inputs()[l - 1], 0, in, effective.block(Surrogate.valueIndex(l)),
                    0, in, 0.0, u[l - 1], 0, m);
            double[] s = new double[n * m];
            Linalg.gemm(false, true, n, m, in, 1.0, abs(a0), 0, in, abs(effective.block(model.gateIndex(l))), 0, in,
                    0.0, s, 0, m);
            double[] z0 = f.gates()[l - 1];
            for (int j = 0; j < z0.length; j++) {
                double rel = s[j] > 0 ? Math.abs(z0[j]) / s[j] : 0.0;
                int i = j / m;
                if (rel < worst[i]) {
                    worst[i] = rel;
                }
            }
            a0 = new double[z0.length];
            for (int j = 0; j < z0.length; j++) {
                a0[j] = z0[j] > 0 ? z0[j] : 0.0;
            }
        }
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!(worst[i] > mu)) {
                failing.add(i);
            }
        }
        double ratio = Double.POSITIVE_INFINITY;
        for (int l = 0; l < depth; l++) {
            double[] z0 = f.gates()[l];
            for (int j = 0; j < z0.length; j++) {
                if (worst[j / m] > mu && u[l][j] != 0) {
                    ratio = Math.min(ratio, Math.abs(z0[j]) / Math.abs(u[l][j]));
                }
            }
        }
        double c = Double.isInfinite(ratio) ? 1.0 : safety * ratio;
        double margin = Double.NaN;
        for (int l = 0; l < depth; l++) {
            double[] z0 = f.gates()[l];
            for (int j = 0; j < z0.length; j++) {
                if (worst[j / m] > mu) {
                    double slack = Math.abs(z0[j]) - c * Math.abs(u[l][j]);
                    margin = Double.isNaN(margin) ? slack : Math.min(margin, slack);
                }
            }
        }
        int[] fail = failing.stream().mapToInt(Integer::intValue).toArray();
        double[] failWorst = new double[fail.length];
        for (int r = 0; r < fail.length; r++) {
            failWorst[r] = worst[fail[r]];
        }
        Layout layout = layout(model);
        Params w = Params.zeros(layout);
        Params mag = Params.zeros(layout);
        build(model, effective, c, w, mag);
        return new Conversion(layout, w, mag, c, ratio, margin, fail, failWorst);
    }

    /**
     * @param model the surrogate
     * @return fc's layout for width 2m, the surrogate's depth and outputs, no bias
     */
    static Layout layout(Surrogate model) {
        int m2 = 2 * model.width();
        int d = model.in(0);
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(BlockSpec.of("W1", Shape.of(m2, d), BlockRole.INPUT, d));
        for (int l = 2; l <= model.depth(); l++) {
            blocks.add(BlockSpec.of("W" + l, Shape.of(m2, m2), BlockRole.HIDDEN, m2));
        }
        blocks.add(BlockSpec.of("W_out", Shape.of(model.outputSize(), m2), BlockRole.OUTPUT, m2));
        return new Layout(blocks);
    }

    /** Writes the converted weights and their magnitudes. */
    private static void build(Surrogate model, Params eff, double c, Params w, Params mag) {
        int m = model.width();
        for (int l = 1; l <= model.depth(); l++) {
            int in = model.in(l - 1);
            double[] g = eff.block(model.gateIndex(l));
            double[] v = eff.block(Surrogate.valueIndex(l));
            double[] out = w.block(l - 1);
            double[] abs = mag.block(l - 1);
            int cols = l == 1 ? in : 2 * m;
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < in; j++) {
                    double gv = g[r * in + j];
                    double vv = v[r * in + j];
                    out[r * cols + j] = gv;
                    abs[r * cols + j] = Math.abs(gv);
                    int low = (m + r) * cols;
                    if (l == 1) {
                        out[low + j] = gv + c * vv;
                        abs[low + j] = Math.abs(gv) + c * Math.abs(vv);
                    } else {
                        out[low + j] = gv - vv;
                        abs[low + j] = Math.abs(gv) + Math.abs(vv);
                        out[low + m + j] = vv;
                        abs[low + m + j] = Math.abs(vv);
                    }
                }
            }
        }
        double[] b = eff.block(model.outIndex());
        double[] out = w.block(model.depth());
        double[] abs = mag.block(model.depth());
        int k = model.outputSize();
        for (int o = 0; o < k; o++) {
            for (int j = 0; j < m; j++) {
                double q = b[o * m + j] / c;
                out[o * 2 * m + j] = -q;
                out[o * 2 * m + m + j] = q;
                abs[o * 2 * m + j] = Math.abs(q);
                abs[o * 2 * m + m + j] = Math.abs(q);
            }
        }
    }

    private static double[] abs(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.abs(x[i]);
        }
        return a;
    }
}
