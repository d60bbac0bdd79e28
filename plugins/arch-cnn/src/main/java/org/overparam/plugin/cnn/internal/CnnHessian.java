package org.overparam.plugin.cnn.internal;

import org.overparam.api.Batch;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.linalg.ConvMap;
import org.overparam.linalg.DenseMap;
import org.overparam.linalg.Elementwise;

/**
 * The exact Hessian-vector product {@code H v} of {@code loss(f(W))} for a {@link CnnModel}, by
 * Pearlmutter's R-operator (Neural Computation 6, 1994): {@code R{.} = d/dr (.)(W + r v)} at
 * {@code r = 0}. Convolutions, pooling and the head are linear in their input and in their
 * weights, and ReLU's second derivative is 0 almost everywhere, so with {@code V_l, c_l} the
 * direction's blocks and {@code D_l = 1[z_l > 0]}:
 *
 * <p>Forward: {@code R{z_l} = conv_{W_l}(R{a_{l-1}}) + conv_{V_l}(a_{l-1}) + c_l},
 * {@code R{a_l} = D_l .* R{z_l}} ({@code R{a_0} = 0}), {@code R{p} = pool(R{a_L})},
 * {@code R{f} = R{p} W_h^T + p V_h^T + c_h}; at the output {@code R{delta} = H_loss R{f}}.
 * Backward, with {@code g_L = unpool(delta W_h)} and {@code g_{l-1} = conv_{W_l}^T(D_l .* g_l)}:
 * {@code R{g_L} = unpool(R{delta} W_h + delta V_h)},
 * {@code R{g_{l-1}} = conv_{W_l}^T(D_l .* R{g_l}) + conv_{V_l}^T(D_l .* g_l)};
 * the gradients' R-images are {@code R{grad W_h} = R{delta}^T p + delta^T R{p}},
 * {@code R{grad W_l} = dW(a_{l-1}, D_l .* R{g_l}) + dW(R{a_{l-1}}, D_l .* g_l)} and the biases'
 * the sums of {@code R{delta}} and {@code D_l .* R{g_l}}.
 *
 * <p>Cost: one forward pass plus about three times its products.
 */
final class CnnHessian {
    private CnnHessian() {
    }

    /**
     * @param model the network
     * @param params the point; not modified
     * @param batch the samples
     * @param loss the loss in the outputs
     * @param direction v; not modified
     * @param result receives H v (every block overwritten)
     */
    static void apply(CnnModel model, Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        CnnForward f = model.forward(params, batch);
        int n = batch.n();
        int depth = model.depth();
        double[][] ra = new double[depth + 1][];
        for (int l = 0; l < depth; l++) {
            ConvMap m = model.conv(l);
            double[] rz = new double[n * m.outSize()];
            m.apply(n, direction.block(model.weightIndex(l)), f.inputs()[l], rz, false);
            if (ra[l] != null) {
                m.apply(n, f.weights()[l], ra[l], rz, true);
            }
            model.addBias(l, n, direction, rz);
            Elementwise.reluBackward(rz.length, f.pre()[l], rz);
            ra[l + 1] = rz;
        }
        DenseMap head = model.head();
        double[] rp = model.pool(n, ra[depth]);
        double[] rf = new double[n * model.outputSize()];
        head.apply(n, direction.block(model.weightIndex(depth)), f.features(), rf, false);
        head.apply(n, f.weights()[depth], rp, rf, true);
        model.addBias(depth, n, direction, rf);

        double[] delta = new double[rf.length];
        loss.evaluate(f.output(), delta);
        double[] rdelta = new double[rf.length];
        loss.hessianVector(f.output(), rf, rdelta);

        double[] gh = result.block(model.weightIndex(depth));
        head.weightGradient(n, f.features(), rdelta, gh, false);
        head.weightGradient(n, rp, delta, gh, true);
        model.biasGradient(depth, n, rdelta, result);
        double[] df = new double[n * head.in()];
        head.inputGradient(n, f.weights()[depth], delta, df, false);
        double[] rdf = new double[n * head.in()];
        head.inputGradient(n, f.weights()[depth], rdelta, rdf, false);
        head.inputGradient(n, direction.block(model.weightIndex(depth)), delta, rdf, true);
        double[] g = model.unpool(n, df);
        double[] rg = model.unpool(n, rdf);
        for (int l = depth - 1; l >= 0; l--) {
            ConvMap m = model.conv(l);
            Elementwise.reluBackward(g.length, f.pre()[l], g);
            Elementwise.reluBackward(rg.length, f.pre()[l], rg);
            double[] gw = result.block(model.weightIndex(l));
            m.weightGradient(n, f.inputs()[l], rg, gw, false);
            if (ra[l] != null) {
                m.weightGradient(n, ra[l], g, gw, true);
            }
            model.biasGradient(l, n, rg, result);
            if (l > 0) {
                double[] next = new double[n * m.inSize()];
                m.inputGradient(n, f.weights()[l], g, next, false);
                double[] rnext = new double[n * m.inSize()];
                m.inputGradient(n, f.weights()[l], rg, rnext, false);
                m.inputGradient(n, direction.block(model.weightIndex(l)), g, rnext, true);
                g = next;
                rg = rnext;
            }
        }
    }
}
