package org.overparam.plugin.resnet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.api.Sizes;
import org.overparam.linalg.ConvMap;
import org.overparam.linalg.DenseMap;
import org.overparam.linalg.Elementwise;
import org.overparam.linalg.LinearMap;

/**
 * The residual network of arXiv 1811.03962: {@code h_0 = ReLU(A x)},
 * {@code h_l = h_{l-1} + tau ReLU(W_l h_{l-1})} for {@code l = 1..L}, {@code f = B pool(h_L)};
 * no biases. With dense blocks {@code pool} is the identity on the m units; with conv blocks A and
 * {@code W_l} are same-padding convolutions and {@code pool} is global average pooling or
 * flattening.
 *
 * <p>Blocks, in this order: dense {@code A [m, d]} (INPUT), {@code W1 .. WL [m, m]} (HIDDEN),
 * {@code B [k, m]} (OUTPUT); conv {@code A.weight [C, c, k(, k)]}, {@code W1.weight .. WL.weight
 * [C, C, k(, k)]}, {@code B.weight [k, features]}. A and B are untrainable unless
 * {@code train = all}. Backward: with {@code g_L = unpool(delta B)}, each block's signal is
 * {@code s_l = tau g_l .* 1[u_l > 0]} and {@code g_{l-1} = g_l + W_l^T s_l}; A's signal is
 * {@code g_0 .* 1[u_0 > 0]}. The Hessian-vector product is exact ({@link ResNetHessian}); dense
 * models give NTK pieces ({@link ResNetPieces}).
 */
final class ResNetModel implements Model {
    private final ResNetPlan plan;
    private final DenseMap out;
    private final Layout layout;

    /** @param plan the checked structure */
    ResNetModel(ResNetPlan plan) {
        this.plan = plan;
        this.out = new DenseMap(plan.features(), plan.outputs());
        List<BlockSpec> blocks = new ArrayList<>();
        String suffix = plan.conv() ? ".weight" : "";
        blocks.add(new BlockSpec("A" + suffix, weightShape(plan.a()), BlockRole.INPUT, fanIn(plan.a()),
                plan.trainAll(), null));
        for (int l = 1; l <= plan.depth(); l++) {
            blocks.add(BlockSpec.of("W" + l + suffix, weightShape(plan.hidden()), BlockRole.HIDDEN, fanIn(plan.hidden())));
        }
        blocks.add(new BlockSpec("B" + suffix, Shape.of(out.out(), out.in()), BlockRole.OUTPUT, out.in(),
                plan.trainAll(), null));
        layout = new Layout(blocks);
    }

    private Shape weightShape(LinearMap m) {
        if (m instanceof ConvMap c) {
            return plan.twoD() ? Shape.of(c.out(), c.c(), c.kh(), c.kw()) : Shape.of(c.out(), c.c(), c.kw());
        }
        return Shape.of(m.outSize(), m.inSize());
    }

    private static int fanIn(LinearMap m) {
        return m instanceof ConvMap c ? c.patch() : m.inSize();
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public Shape inputShape() {
        return plan.dataShape();
    }

    @Override
    public int outputSize() {
        return plan.outputs();
    }

    /** @return the structure */
    ResNetPlan plan() {
        return plan;
    }

    /** @return L */
    int depth() {
        return plan.depth();
    }

    /** @return tau */
    double tau() {
        return plan.tau();
    }

    /** @return A's map */
    LinearMap input() {
        return plan.a();
    }

    /** @return the map of every W_l */
    LinearMap hidden() {
        return plan.hidden();
    }

    /** @return B's map */
    DenseMap output() {
        return out;
    }

    /**
     * @param n samples
     * @param a the last state
     * @return B's inputs (a itself for flattening)
     */
    double[] pool(int n, double[] a) {
        return plan.pooling().pool(n, plan.channels(), plan.positions(), a);
    }

    /**
     * @param n samples
     * @param df signals at B's inputs
     * @return signals at the last state (df itself for flattening)
     */
    double[] unpool(int n, double[] df) {
        return plan.pooling().unpool(n, plan.channels(), plan.positions(), df);
    }

    @Override
    public ResNetForward forward(Params params, Batch batch) {
        if (batch.inputSize() != plan.dataShape().size()) {
            throw new IllegalArgumentException("the model reads inputs of " + plan.dataShape().size() + " values ("
                    + plan.dataShape() + "), the batch has " + batch.inputSize() + " (" + batch.inputShape() + ")");
        }
        int n = batch.n();
        int depth = plan.depth();
        int size = hidden().outSize();
        double[][] weights = new double[depth + 2][];
        for (int b = 0; b < weights.length; b++) {
            weights[b] = params.block(b);
        }
        double[][] h = new double[depth + 1][];
        double[][] u = new double[depth + 1][];
        u[0] = new double[n * size];
        input().apply(n, weights[0], batch.inputs(), u[0], false);
        h[0] = new double[n * size];
        Elementwise.relu(h[0].length, u[0], h[0]);
        double[] r = new double[n * size];
        for (int l = 1; l <= depth; l++) {
            u[l] = new double[n * size];
            hidden().apply(n, weights[l], h[l - 1], u[l], false);
            Elementwise.relu(r.length, u[l], r);
            h[l] = h[l - 1].clone();
            Elementwise.axpby(r.length, plan.tau(), r, 1.0, h[l]);
        }
        double[] features = pool(n, h[depth]);
        double[] f = new double[n * plan.outputs()];
        out.apply(n, weights[depth + 1], features, f, false);
        return new ResNetForward(this, batch, weights, h, u, features, f);
    }

    /**
     * Per sample: the pre-activations and states of the input block and of each residual block
     * ({@code 2 (L + 1)} hidden maps), the residual scratch map, the pooled features and the outputs;
     * in the backward pass the signal, the gated copies of the last two blocks, the head's gradient and
     * its unpooled map (five more maps).
     */
    @Override
    public long forwardValues(long samples) {
        long size = hidden().outSize();
        long maps = Sizes.sum(Sizes.product(2, Sizes.sum(plan.depth(), 1)), 6);
        return Sizes.product(samples, Sizes.sum(Sizes.product(maps, size), out.in(), plan.outputs()));
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        ResNetForward f = own(forward);
        int n = f.batch().n();
        int depth = plan.depth();
        out.weightGradient(n, f.features(), dOutputs, gradient.block(depth + 1), false);
        double[] df = new double[n * out.in()];
        out.inputGradient(n, f.weights()[depth + 1], dOutputs, df, false);
        double[] g = unpool(n, df);
        for (int l = depth; l >= 1; l--) {
            double[] s = signal(f.u()[l], g, plan.tau());
            hidden().weightGradient(n, f.h()[l - 1], s, gradient.block(l), false);
            hidden().inputGradient(n, f.weights()[l], s, g, true);
        }
        Elementwise.reluBackward(g.length, f.u()[0], g);
        input().weightGradient(n, f.batch().inputs(), g, gradient.block(0), false);
    }

    /**
     * @param u pre-activations; not modified
     * @param g the signal at the block's output state; not modified
     * @param scale tau (or 1)
     * @return {@code scale g .* 1[u > 0]}, a new array
     */
    static double[] signal(double[] u, double[] g, double scale) {
        double[] s = new double[g.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = u[j] > 0 ? scale * g[j] : 0.0;
        }
        return s;
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        ResNetHessian.apply(this, params, batch, loss, direction, result);
    }

    /** Dense blocks only: the pieces of A, W1..WL and B (see {@link ResNetPieces}); conv blocks: empty. */
    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        if (plan.conv()) {
            return Optional.empty();
        }
        return Optional.of(ResNetPieces.of(this, forward(params, batch), output));
    }

    /**
     * @param forward a pass
     * @return it as this model's own pass
     */
    ResNetForward own(Forward forward) {
        if (!(forward instanceof ResNetForward f) || f.model() != this) {
            throw new IllegalArgumentException("this forward pass was not made by this model");
        }
        return f;
    }
}
