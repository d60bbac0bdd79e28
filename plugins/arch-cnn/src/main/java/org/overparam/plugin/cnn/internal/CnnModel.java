package org.overparam.plugin.cnn.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
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
import org.overparam.linalg.Pooling;

/**
 * A convolutional ReLU network: {@code a_0 = x} read as {@code [c, l]} or {@code [c, h, w]},
 * {@code z_l = conv_l(a_{l-1}) + b_l}, {@code a_l = ReLU(z_l)} for {@code l = 1..L}, then
 * {@code f = W_head pool(a_L) + b_head} with global average pooling or flattening (the CNN of
 * arXiv 1811.03962 has no pooling: use {@code flatten}).
 *
 * <p>Blocks, in PyTorch's layout and in this order: {@code conv1.weight [c_1, c_0, k(, k)]}
 * (INPUT, fan-in {@code c_0 k(k)}), {@code conv1.bias [c_1]}, {@code conv2.weight ...} (HIDDEN),
 * ..., {@code head.weight [k, features]} (OUTPUT), {@code head.bias [k]}; biases (role BIAS) only
 * when the model has them. Convolutions run through im2col and gemm ({@link ConvMap}); the
 * Hessian-vector product is exact ({@link CnnHessian}). There are no dense-layer NTK pieces (a
 * convolution's per-sample gradient is not an outer product), so analyzers use the per-sample
 * gradients.
 */
final class CnnModel implements Model {
    private final CnnPlan plan;
    private final ConvMap[] convs;
    private final DenseMap head;
    private final Layout layout;
    private final int[] weightIndex;
    private final int[] biasIndex;

    /** @param plan the checked geometry */
    CnnModel(CnnPlan plan) {
        this.plan = plan;
        this.convs = plan.convs().toArray(new ConvMap[0]);
        this.head = new DenseMap(plan.features(), plan.outputs());
        int layers = convs.length + 1;
        weightIndex = new int[layers];
        biasIndex = new int[layers];
        List<BlockSpec> blocks = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            boolean last = l == convs.length;
            String name = last ? "head" : "conv" + (l + 1);
            Shape shape;
            int fanIn;
            if (last) {
                shape = Shape.of(head.out(), head.in());
                fanIn = head.in();
            } else {
                ConvMap m = convs[l];
                shape = plan.twoD() ? Shape.of(m.out(), m.c(), m.kh(), m.kw()) : Shape.of(m.out(), m.c(), m.kw());
                fanIn = m.patch();
            }
            BlockRole role = last ? BlockRole.OUTPUT : l == 0 ? BlockRole.INPUT : BlockRole.HIDDEN;
            weightIndex[l] = blocks.size();
            blocks.add(BlockSpec.of(name + ".weight", shape, role, fanIn));
            biasIndex[l] = -1;
            if (plan.bias()) {
                biasIndex[l] = blocks.size();
                blocks.add(BlockSpec.of(name + ".bias", Shape.of(shape.dim(0)), BlockRole.BIAS, 1));
            }
        }
        layout = new Layout(blocks);
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

    /** @return L, the number of conv layers */
    int depth() {
        return convs.length;
    }

    /**
     * @param l a conv layer, {@code 0..L-1}
     * @return its map
     */
    ConvMap conv(int l) {
        return convs[l];
    }

    /** @return the linear head */
    DenseMap head() {
        return head;
    }

    /** @return the head's pooling */
    Pooling pooling() {
        return plan.pooling();
    }

    /**
     * @param l a layer, {@code 0..L} (L is the head)
     * @return the position of its weight block
     */
    int weightIndex(int l) {
        return weightIndex[l];
    }

    /**
     * @param l a layer, {@code 0..L}
     * @return the position of its bias block, or -1
     */
    int biasIndex(int l) {
        return biasIndex[l];
    }

    /**
     * @param n samples
     * @param a the last feature map
     * @return the head's inputs
     */
    double[] pool(int n, double[] a) {
        ConvMap last = convs[convs.length - 1];
        return plan.pooling().pool(n, last.out(), last.positions(), a);
    }

    /**
     * @param n samples
     * @param df signals at the head's inputs
     * @return signals at the last feature map
     */
    double[] unpool(int n, double[] df) {
        ConvMap last = convs[convs.length - 1];
        return plan.pooling().unpool(n, last.out(), last.positions(), df);
    }

    /**
     * Adds layer l's bias (direction or value) to its pre-activations, if the model has biases.
     *
     * @param l a layer, {@code 0..L}
     * @param n samples
     * @param p the params holding the bias
     * @param z the pre-activations, updated
     */
    void addBias(int l, int n, Params p, double[] z) {
        if (biasIndex[l] < 0) {
            return;
        }
        boolean last = l == convs.length;
        ChannelBias.add(n, last ? head.out() : convs[l].out(), last ? 1 : convs[l].positions(), p.block(biasIndex[l]), z);
    }

    /**
     * Writes layer l's bias gradient, if the model has biases.
     *
     * @param l a layer, {@code 0..L}
     * @param n samples
     * @param g the signals at its pre-activations; not modified
     * @param gradient receives the bias gradient
     */
    void biasGradient(int l, int n, double[] g, Params gradient) {
        if (biasIndex[l] < 0) {
            return;
        }
        boolean last = l == convs.length;
        ChannelBias.gradient(n, last ? head.out() : convs[l].out(), last ? 1 : convs[l].positions(), g,
                gradient.block(biasIndex[l]));
    }

    /**
     * Per sample: each conv layer's pre-activations and ReLU map ({@code 2 out oh ow}), the head's
     * features and outputs, and in the backward pass two signals and one temporary of the largest
     * feature map (the patch matrices of im2col are per sample and small next to them).
     */
    @Override
    public long forwardValues(long samples) {
        long kept = Sizes.sum(head.in(), plan.outputs());
        long widest = head.in();
        for (ConvMap m : convs) {
            kept = Sizes.sum(kept, Sizes.product(2, m.outSize()));
            widest = Math.max(widest, Math.max(m.inSize(), m.outSize()));
        }
        return Sizes.product(samples, Sizes.sum(kept, Sizes.product(3, widest)));
    }

    @Override
    public CnnForward forward(Params params, Batch batch) {
        if (batch.inputSize() != plan.dataShape().size()) {
            throw new IllegalArgumentException("the model reads inputs of " + plan.dataShape().size() + " values ("
                    + plan.dataShape() + "), the batch has " + batch.inputSize() + " (" + batch.inputShape() + ")");
        }
        int n = batch.n();
        int depth = convs.length;
        double[][] weights = new double[depth + 1][];
        double[][] inputs = new double[depth + 1][];
        double[][] pre = new double[depth][];
        inputs[0] = batch.inputs();
        for (int l = 0; l < depth; l++) {
            weights[l] = params.block(weightIndex[l]);
            double[] z = new double[n * convs[l].outSize()];
            convs[l].apply(n, weights[l], inputs[l], z, false);
            addBias(l, n, params, z);
            pre[l] = z;
            inputs[l + 1] = new double[z.length];
            Elementwise.relu(z.length, z, inputs[l + 1]);
        }
        weights[depth] = params.block(weightIndex[depth]);
        double[] features = pool(n, inputs[depth]);
        double[] out = new double[n * plan.outputs()];
        head.apply(n, weights[depth], features, out, false);
        addBias(depth, n, params, out);
        return new CnnForward(this, batch, weights, inputs, pre, features, out);
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        CnnForward f = own(forward);
        int n = f.batch().n();
        int depth = convs.length;
        head.weightGradient(n, f.features(), dOutputs, gradient.block(weightIndex[depth]), false);
        biasGradient(depth, n, dOutputs, gradient);
        double[] df = new double[n * head.in()];
        head.inputGradient(n, f.weights()[depth], dOutputs, df, false);
        double[] g = unpool(n, df);
        for (int l = depth - 1; l >= 0; l--) {
            Elementwise.reluBackward(g.length, f.pre()[l], g);
            convs[l].weightGradient(n, f.inputs()[l], g, gradient.block(weightIndex[l]), false);
            biasGradient(l, n, g, gradient);
            if (l > 0) {
                double[] next = new double[n * convs[l].inSize()];
                convs[l].inputGradient(n, f.weights()[l], g, next, false);
                g = next;
            }
        }
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        CnnHessian.apply(this, params, batch, loss, direction, result);
    }

    /**
     * @param forward a pass
     * @return it as this model's own pass
     */
    CnnForward own(Forward forward) {
        if (!(forward instanceof CnnForward f) || f.model() != this) {
            throw new IllegalArgumentException("this forward pass was not made by this model");
        }
        return f;
    }
}
