package org.overparam.plugin.resnet.internal;

import org.overparam.api.Batch;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.linalg.DenseMap;
import org.overparam.linalg.LinearMap;

/**
 * The exact Hessian-vector product {@code H v} of {@code loss(f(W))} for a {@link ResNetModel}, by
 * Pearlmutter's R-operator (Neural Computation 6, 1994), {@code R{.} = d/dr (.)(W + r v)} at
 * {@code r = 0}, with {@code V_A, V_l, V_B} the direction's blocks and {@code D_l = 1[u_l > 0]}
 * (ReLU's second derivative is 0 almost everywhere; every map is bilinear in weights and input).
 *
 * <p>Forward: {@code R{u_0} = V_A x}, {@code R{h_0} = D_0 .* R{u_0}};
 * {@code R{u_l} = W_l R{h_{l-1}} + V_l h_{l-1}}, {@code R{h_l} = R{h_{l-1}} + tau D_l .* R{u_l}};
 * {@code R{p} = pool(R{h_L})}, {@code R{f} = B R{p} + V_B p}; {@code R{delta} = H_loss R{f}}.
 * Backward, with {@code g_L = unpool(B^T delta)}, {@code s_l = tau D_l .* g_l},
 * {@code g_{l-1} = g_l + W_l^T s_l}: {@code R{g_L} = unpool(B^T R{delta} + V_B^T delta)},
 * {@code R{s_l} = tau D_l .* R{g_l}}, {@code R{g_{l-1}} = R{g_l} + W_l^T R{s_l} + V_l^T s_l};
 * gradients {@code R{grad B} = dW(p, R{delta}) + dW(R{p}, delta)},
 * {@code R{grad W_l} = dW(h_{l-1}, R{s_l}) + dW(R{h_{l-1}}, s_l)},
 * {@code R{grad A} = dW(x, D_0 .* R{g_0})}.
 *
 * <p>Cost: one forward pass plus about three times its products.
 */
final class ResNetHessian {
    private ResNetHessian() {
    }

    /**
     * @param model the network
     * @param params the point; not modified
     * @param batch the samples
     * @param loss the loss in the outputs
     * @param direction v; not modified
     * @param result receives H v (every block overwritten)
     */
    static void apply(ResNetModel model, Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        ResNetForward f = model.forward(params, batch);
        int n = batch.n();
        int depth = model.depth();
        double tau = model.tau();
        LinearMap hidden = model.hidden();
        DenseMap out = model.output();
        int size = hidden.outSize();
        double[] x = batch.inputs();

        double[][] rh = new double[depth + 1][];
        double[] ru = new double[n * size];
        model.input().apply(n, direction.block(0), x, ru, false);
        rh[0] = ResNetModel.signal(f.u()[0], ru, 1.0);
        for (int l = 1; l <= depth; l++) {
            hidden.apply(n, f.weights()[l], rh[l - 1], ru, false);
            hidden.apply(n, direction.block(l), f.h()[l - 1], ru, true);
            double[] step = ResNetModel.signal(f.u()[l], ru, tau);
            rh[l] = rh[l - 1].clone();
            for (int j = 0; j < step.length; j++) {
                rh[l][j] += step[j];
            }
        }
        double[] rp = model.pool(n, rh[depth]);
        double[] rf = new double[n * model.outputSize()];
        out.apply(n, f.weights()[depth + 1], rp, rf, false);
        out.apply(n, direction.block(depth + 1), f.features(), rf, true);

        double[] delta = new double[rf.length];
        loss.evaluate(f.output(), delta);
        double[] rdelta = new double[rf.length];
        loss.hessianVector(f.output(), rf, rdelta);

        double[] gb = result.block(depth + 1);
        out.weightGradient(n, f.features(), rdelta, gb, false);
        out.weightGradient(n, rp, delta, gb, true);
        double[] df = new double[n * out.in()];
        out.inputGradient(n, f.weights()[depth + 1], delta, df, false);
        double[] rdf = new double[n * out.in()];
        out.inputGradient(n, f.weights()[depth + 1], rdelta, rdf, false);
        out.inputGradient(n, direction.block(depth + 1), delta, rdf, true);
        double[] g = model.unpool(n, df);
        double[] rg = model.unpool(n, rdf);
        for (int l = depth; l >= 1; l--) {
            double[] s = ResNetModel.signal(f.u()[l], g, tau);
            double[] rs = ResNetModel.signal(f.u()[l], rg, tau);
            double[] gw = result.block(l);
            hidden.weightGradient(n, f.h()[l - 1], rs, gw, false);
            hidden.weightGradient(n, rh[l - 1], s, gw, true);
            hidden.inputGradient(n, f.weights()[l], s, g, true);
            hidden.inputGradient(n, f.weights()[l], rs, rg, true);
            hidden.inputGradient(n, direction.block(l), s, rg, true);
        }
        double[] rs0 = ResNetModel.signal(f.u()[0], rg, 1.0);
        model.input().weightGradient(n, x, rs0, result.block(0), false);
    }
}
