package org.overparam.plugin.fc.internal;

import org.overparam.api.Batch;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;

/**
 * The exact Hessian-vector product {@code H v} of {@code loss(f(W))} for an {@link FcModel}, by
 * Pearlmutter's R-operator (Neural Computation 6, 1994): {@code R{.} = d/dr (.)(W + r v)} at
 * {@code r = 0} applied to every quantity of the forward and backward passes.
 *
 * <p>Forward: {@code R{z_l} = R{a_{l-1}} W_l^T + a_{l-1} V_l^T + c_l},
 * {@code R{a_l} = sigma'(z_l) .* R{z_l}}, giving {@code R{f} = J v}. At the output
 * {@code R{delta} = H_loss R{f}} (the Gauss-Newton part). Backward, with
 * {@code delta_{l-1} = (delta_l W_l) .* sigma'(z_{l-1})}:
 * {@code R{delta_{l-1}} = (R{delta_l} W_l + delta_l V_l) .* sigma'(z_{l-1})
 * + (delta_l W_l) .* sigma''(z_{l-1}) .* R{z_{l-1}}} and
 * {@code R{grad W_l} = R{delta_l}^T a_{l-1} + delta_l^T R{a_{l-1}}},
 * {@code R{grad b_l} = sum over samples of R{delta_l}}. {@code V_l, c_l} are the direction's blocks.
 * ReLU's {@code sigma''} is 0 almost everywhere; softplus and tanh contribute their curvature.
 *
 * <p>Cost: one forward pass plus about three times its matrix products.
 */
final class FcHessian {
    private FcHessian() {
    }

    /**
     * @param model the network
     * @param params the point; not modified
     * @param batch the samples
     * @param loss the loss in the outputs
     * @param direction v; not modified
     * @param result receives H v (every block overwritten)
     */
    static void apply(FcModel model, Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        FcForward f = model.forward(params, batch);
        int n = batch.n();
        int depth = model.depth();
        Nonlinearity sigma = model.sigma();
        double[][] rz = new double[depth][];
        double[][] ra = new double[depth + 1][];
        double[] rf = null;
        for (int l = 0; l <= depth; l++) {
            int in = model.in(l);
            int out = model.out(l);
            double[] r = new double[n * out];
            Linalg.gemm(false, true, n, out, in, 1.0, f.inputs()[l], 0, in, direction.block(model.weightIndex(l)), 0, in,
                    0.0, r, 0, out);
            if (l > 0) {
                Linalg.gemm(false, true, n, out, in, 1.0, ra[l], 0, in, f.weights()[l], 0, in, 1.0, r, 0, out);
            }
            if (model.biasIndex(l) >= 0) {
                FcModel.addRows(r, n, out, direction.block(model.biasIndex(l)));
            }
            if (l < depth) {
                rz[l] = r;
                ra[l + 1] = r.clone();
                sigma.timesFirst(f.pre()[l], ra[l + 1]);
            } else {
                rf = r;
            }
        }
        int k = model.outputSize();
        double[] delta = new double[n * k];
        loss.evaluate(f.output(), delta);
        double[] rdelta = new double[n * k];
        loss.hessianVector(f.output(), rf, rdelta);
        for (int l = depth; l >= 0; l--) {
            int in = model.in(l);
            int out = model.out(l);
            double[] gw = result.block(model.weightIndex(l));
            Linalg.gemm(true, false, out, in, n, 1.0, rdelta, 0, out, f.inputs()[l], 0, in, 0.0, gw, 0, in);
            if (l > 0) {
                Linalg.gemm(true, false, out, in, n, 1.0, delta, 0, out, ra[l], 0, in, 1.0, gw, 0, in);
            }
            if (model.biasIndex(l) >= 0) {
                FcModel.columnSums(rdelta, n, out, result.block(model.biasIndex(l)));
            }
            if (l > 0) {
                double[] w = f.weights()[l];
                double[] back = new double[n * in];
                Linalg.gemm(false, false, n, in, out, 1.0, delta, 0, out, w, 0, in, 0.0, back, 0, in);
                double[] rback = new double[n * in];
                Linalg.gemm(false, false, n, in, out, 1.0, rdelta, 0, out, w, 0, in, 0.0, rback, 0, in);
                Linalg.gemm(false, false, n, in, out, 1.0, delta, 0, out, direction.block(model.weightIndex(l)), 0, in,
                        1.0, rback, 0, in);
                sigma.rBackward(f.pre()[l - 1], back, rz[l - 1], rback);
                sigma.timesFirst(f.pre()[l - 1], back);
                delta = back;
                rdelta = rback;
            }
        }
    }
}
