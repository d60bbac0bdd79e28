package org.overparam.plugin.gated.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.overparam.linalg.Linalg;

/**
 * The gated surrogate network of arXiv 2101.04243: a frozen gate network with the initial weights
 * {@code W0_l} fixes each hidden unit's on/off pattern per input, and the trained value network
 * uses those patterns. With {@code a0_0 = x}, {@code z0_l = W0_l a0_{l-1}},
 * {@code a0_l = ReLU(z0_l)}, {@code g_l = 1[z0_l >= 0]}: {@code v_0 = x},
 * {@code v_l = (W_l v_{l-1}) .* g_l} for {@code l = 1..L}, {@code f = W_out v_L}. No biases.
 *
 * <p>Blocks, in this order: the value network {@code W1 [m, d]} (INPUT), {@code W2 .. WL [m, m]}
 * (HIDDEN), {@code W_out [k, m]} (OUTPUT) — fc's names, shapes and roles — then the gate network
 * {@code gate.W1 .. gate.WL}, untrainable and tied to {@code W1 .. WL}: the run copies their
 * initial values and multipliers. Given the gates, f is linear in each layer's weights: the
 * gradient with respect to a gate block is 0 (almost everywhere), the Hessian-vector product is
 * exact ({@link GatedHessian}) and the NTK pieces are those of a ReLU net whose patterns never flip.
 */
final class GatedModel implements Model {
    private final Shape inputShape;
    private final int d;
    private final int width;
    private final int depth;
    private final int outputs;
    private final Layout layout;

    /**
     * @param inputShape one sample's shape (flattened to d values)
     * @param width m
     * @param depth L
     * @param outputs k
     */
    GatedModel(Shape inputShape, int width, int depth, int outputs) {
        this.inputShape = inputShape;
        this.d = inputShape.size();
        this.width = width;
        this.depth = depth;
        this.outputs = outputs;
        List<BlockSpec> blocks = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            blocks.add(BlockSpec.of("W" + l, Shape.of(width, in(l - 1)), role(l), in(l - 1)));
        }
        blocks.add(BlockSpec.of("W_out", Shape.of(outputs, width), BlockRole.OUTPUT, width));
        for (int l = 1; l <= depth; l++) {
            blocks.add(new BlockSpec("gate.W" + l, Shape.of(width, in(l - 1)), role(l), in(l - 1), false, "W" + l));
        }
        layout = new Layout(blocks);
    }

    private static BlockRole role(int l) {
        return l == 1 ? BlockRole.INPUT : BlockRole.HIDDEN;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    /** @return m */
    int width() {
        return width;
    }

    /** @return L */
    int depth() {
        return depth;
    }

    /**
     * @param l a layer index from 0 (layer l + 1's input)
     * @return the width of {@code v_l}
     */
    int in(int l) {
        return l == 0 ? d : width;
    }

    /**
     * @param l a hidden layer, 1..L
     * @return the position of the value block W_l
     */
    static int valueIndex(int l) {
        return l - 1;
    }

    /** @return the position of W_out */
    int outIndex() {
        return depth;
    }

    /**
     * @param l a hidden layer, 1..L
     * @return the position of the gate block gate.W_l
     */
    int gateIndex(int l) {
        return depth + l;
    }

    @Override
    public GatedForward forward(Params params, Batch batch) {
        if (batch.inputSize() != d) {
            throw new IllegalArgumentException("the model reads inputs of " + d + " values (" + inputShape
                    + "), the batch has " + batch.inputSize() + " (" + batch.inputShape() + ")");
        }
        int n = batch.n();
        double[][] weights = new double[depth + 1][];
        double[][] inputs = new double[depth + 1][];
        double[][] gates = new double[depth][];
        inputs[0] = batch.inputs();
        double[] a0 = batch.inputs();
        for (int l = 1; l <= depth; l++) {
            int in = in(l - 1);
            double[] z0 = new double[n * width];
            Linalg.gemm(false, true, n, width, in, 1.0, a0, 0, in, params.block(gateIndex(l)), 0, in, 0.0, z0, 0, width);
            gates[l - 1] = z0;
            a0 = new double[z0.length];
            for (int j = 0; j < z0.length; j++) {
                a0[j] = z0[j] > 0 ? z0[j] : 0.0;
            }
            weights[l - 1] = params.block(valueIndex(l));
            double[] v = new double[n * width];
            Linalg.gemm(false, true, n, width, in, 1.0, inputs[l - 1], 0, in, weights[l - 1], 0, in, 0.0, v, 0, width);
            gate(z0, v);
            inputs[l] = v;
        }
        weights[depth] = params.block(outIndex());
        double[] out = new double[n * outputs];
        Linalg.gemm(false, true, n, outputs, width, 1.0, inputs[depth], 0, width, weights[depth], 0, width, 0.0, out, 0,
                outputs);
        return new GatedForward(this, batch, weights, inputs, gates, out);
    }

    /**
     * {@code x .*= 1[z0 >= 0]}.
     *
     * @param z0 gate pre-activations; not modified
     * @param x updated
     */
    static void gate(double[] z0, double[] x) {
        for (int j = 0; j < x.length; j++) {
            if (!(z0[j] >= 0)) {
                x[j] = 0.0;
            }
        }
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        GatedForward f = own(forward);
        int n = f.batch().n();
        Linalg.gemm(true, false, outputs, width, n, 1.0, dOutputs, 0, outputs, f.inputs()[depth], 0, width, 0.0,
                gradient.block(outIndex()), 0, width);
        double[] g = new double[n * width];
        Linalg.gemm(false, false, n, width, outputs, 1.0, dOutputs, 0, outputs, f.weights()[depth], 0, width, 0.0, g, 0,
                width);
        for (int l = depth; l >= 1; l--) {
            int in = in(l - 1);
            gate(f.gates()[l - 1], g);
            Linalg.gemm(true, false, width, in, n, 1.0, g, 0, width, f.inputs()[l - 1], 0, in, 0.0,
                    gradient.block(valueIndex(l)), 0, in);
            Arrays.fill(gradient.block(gateIndex(l)), 0.0);
            if (l > 1) {
                double[] next = new double[n * in];
                Linalg.gemm(false, false, n, in, width, 1.0, g, 0, width, f.weights()[l - 1], 0, in, 0.0, next, 0, in);
                g = next;
            }
        }
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        GatedHessian.apply(this, params, batch, loss, direction, result);
    }

    /**
     * The pieces of the value network for output o: {@code W_l} reads {@code v_{l-1}} with signal
     * {@code s_l = d f_o / d (W_l v_{l-1}) = (s_{l+1} W_{l+1}) .* g_l} ({@code s_{L+1} = e_o} for
     * {@code W_out}, which reads {@code v_L}). The gate blocks have no gradient and no piece. In
     * layout order W1..WL, W_out; no biases, so {@code biasScale = 0}.
     */
    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        if (output < 0 || output >= outputs) {
            throw new IllegalArgumentException("output " + output + " is outside [0, " + outputs + ")");
        }
        GatedForward f = forward(params, batch);
        int n = batch.n();
        double[] e = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            e[i * outputs + output] = 1.0;
        }
        DenseLayerPiece[] pieces = new DenseLayerPiece[depth + 1];
        pieces[depth] = new DenseLayerPiece("W_out", null, n, width, outputs, f.inputs()[depth], e, 0.0);
        double[] g = new double[n * width];
        Linalg.gemm(false, false, n, width, outputs, 1.0, e, 0, outputs, f.weights()[depth], 0, width, 0.0, g, 0, width);
        for (int l = depth; l >= 1; l--) {
            int in = in(l - 1);
            gate(f.gates()[l - 1], g);
            double[] x = l == 1 ? f.inputs()[0].clone() : f.inputs()[l - 1];
            pieces[l - 1] = new DenseLayerPiece("W" + l, null, n, in, width, x, g, 0.0);
            if (l > 1) {
                double[] next = new double[n * in];
                Linalg.gemm(false, false, n, in, width, 1.0, g, 0, width, f.weights()[l - 1], 0, in, 0.0, next, 0, in);
                g = next;
            }
        }
        return Optional.of(List.of(pieces));
    }

    /**
     * @param forward a pass
     * @return it as this model's own pass
     */
    GatedForward own(Forward forward) {
        if (!(forward instanceof GatedForward f) || f.model() != this) {
            throw new IllegalArgumentException("this forward pass was not made by this model");
        }
        return f;
    }
}
