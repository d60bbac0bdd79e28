package org.overparam.plugin.gated.internal;

import java.util.Arrays;
import org.overparam.api.Batch;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;

/**
 * The exact Hessian-vector product {@code H v} of {@code loss(f(W))} for a {@link GatedModel}, by
 * Pearlmutter's R-operator (Neural Computation 6, 1994). The gates {@code g_l} do not depend on
 * the value weights, so there is no activation curvature, but f is a product of the layers and the
 * cross terms between layers remain. With {@code V_l, V_out} the direction's value blocks:
 *
 * <p>Forward: {@code R{v_0} = 0}, {@code R{v_l} = (R{v_{l-1}} W_l^T + v_{l-1} V_l^T) .* g_l},
 * {@code R{f} = R{v_L} W_out^T + v_L V_out^T}; {@code R{delta} = H_loss R{f}}. Backward, with
 * {@code s_{L+1} = delta}, {@code s_l = (s_{l+1} W_{l+1}) .* g_l} ({@code W_{L+1} = W_out}):
 * {@code R{s_l} = (R{s_{l+1}} W_{l+1} + s_{l+1} V_{l+1}) .* g_l} and
 * {@code R{grad W_l} = R{s_l}^T v_{l-1} + s_l^T R{v_{l-1}}}. The gate blocks' rows of H are 0 and
 * the direction's gate blocks are ignored (the gradient is 0 in them almost everywhere).
 */
final class GatedHessian {
    private GatedHessian() {
    }

    /**
     * @param model the network
     * @param params the point; not modified
     * @param batch the samples
     * @param loss the loss in the outputs
     * @param direction v; not modified
     * @param result receives H v (every block overwritten)
     */
    static void apply(GatedModel model, Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        GatedForward f = model.forward(params, batch);
        int n = batch.n();
        int depth = model.depth();
        int m = model.width();
        int k = model.outputSize();
        double[][] rv = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            int in = model.in(l - 1);
            double[] r = new double[n * m];
            Linalg.gemm(false, true, n, m, in, 1.0, f.inputs()[l - 1], 0, in, direction.block(GatedModel.valueIndex(l)),
                    0, in, 0.0, r, 0, m);
            if (rv[l - 1] != null) {
                Linalg.gemm(false, true, n, m, in, 1.0, rv[l - 1], 0, in, f.weights()[l - 1], 0, in, 1.0, r, 0, m);
            }
            GatedModel.gate(f.gates()[l - 1], r);
            rv[l] = r;
        }
        double[] rf = new double[n * k];
        Linalg.gemm(false, true, n, k, m, 1.0, f.inputs()[depth], 0, m, direction.block(model.outIndex()), 0, m, 0.0, rf,
                0, k);
        Linalg.gemm(false, true, n, k, m, 1.0, rv[depth], 0, m, f.weights()[depth], 0, m, 1.0, rf, 0, k);

        double[] s = new double[n * k];
        loss.evaluate(f.output(), s);
        double[] rs = new double[n * k];
        loss.hessianVector(f.output(), rf, rs);

        double[] go = result.block(model.outIndex());
        Linalg.gemm(true, false, k, m, n, 1.0, rs, 0, k, f.inputs()[depth], 0, m, 0.0, go, 0, m);
        Linalg.gemm(true, false, k, m, n, 1.0, s, 0, k, rv[depth], 0, m, 1.0, go, 0, m);
        int out = k;
        double[] w = f.weights()[depth];
        double[] vdir = direction.block(model.outIndex());
        for (int l = depth; l >= 1; l--) {
            int in = model.in(l - 1);
            double[] next = new double[n * m];
            Linalg.gemm(false, false, n, m, out, 1.0, s, 0, out, w, 0, m, 0.0, next, 0, m);
            double[] rnext = new double[n * m];
            Linalg.gemm(false, false, n, m, out, 1.0, rs, 0, out, w, 0, m, 0.0, rnext, 0, m);
            Linalg.gemm(false, false, n, m, out, 1.0, s, 0, out, vdir, 0, m, 1.0, rnext, 0, m);
            GatedModel.gate(f.gates()[l - 1], next);
            GatedModel.gate(f.gates()[l - 1], rnext);
            s = next;
            rs = rnext;
            double[] gw = result.block(GatedModel.valueIndex(l));
            Linalg.gemm(true, false, m, in, n, 1.0, rs, 0, m, f.inputs()[l - 1], 0, in, 0.0, gw, 0, in);
            if (rv[l - 1] != null) {
                Linalg.gemm(true, false, m, in, n, 1.0, s, 0, m, rv[l - 1], 0, in, 1.0, gw, 0, in);
            }
            Arrays.fill(result.block(model.gateIndex(l)), 0.0);
            out = m;
            w = f.weights()[l - 1];
            vdir = direction.block(GatedModel.valueIndex(l));
        }
    }
}
