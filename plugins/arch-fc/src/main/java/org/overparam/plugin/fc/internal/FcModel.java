package org.overparam.plugin.fc.internal;

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
 * A deep fully connected network with {@code L >= 1} hidden layers of width {@code m}:
 * {@code a_0 = x} (flattened, {@code d} values), {@code z_l = a_{l-1} W_l^T + b_l},
 * {@code a_l = sigma(z_l)} for {@code l = 1..L}, and {@code f = a_L W_out^T + b_out}
 * ({@code k} outputs). This is the model of arXiv 1811.03962 (ReLU, no bias) and, with one hidden
 * layer and a smooth activation, of arXiv 2210.12001.
 *
 * <p>Blocks, in PyTorch's layout and in this order: {@code W1 [m, d]} (INPUT), {@code b1 [m]},
 * {@code W2 .. WL [m, m]} (HIDDEN) each followed by its bias, {@code W_out [k, m]} (OUTPUT),
 * {@code b_out [k]}; biases (role BIAS) exist only when the model has them.
 *
 * <p>Batches are processed as row blocks: {@code Z = A W^T} is one {@link Linalg#gemm} per layer,
 * the backward pass two more. The Hessian-vector product is exact (see {@link FcHessian}).
 */
final class FcModel implements Model {
    private final Shape inputShape;
    private final int d;
    private final int width;
    private final int depth;
    private final int outputs;
    private final boolean bias;
    private final Nonlinearity sigma;
    private final Layout layout;
    private final int[] weightIndex;
    private final int[] biasIndex;
    private final int[] in;
    private final int[] out;

    /**
     * @param inputShape one sample's shape (flattened to {@code d = inputShape.size()} values)
     * @param width m, at least 1
     * @param depth L, at least 1
     * @param outputs k, at least 1
     * @param bias whether every layer has a bias
     * @param sigma the hidden activation
     */
    FcModel(Shape inputShape, int width, int depth, int outputs, boolean bias, Nonlinearity sigma) {
        this.inputShape = inputShape;
        this.d = inputShape.size();
        this.width = width;
        this.depth = depth;
        this.outputs = outputs;
        this.bias = bias;
        this.sigma = sigma;
        int layers = depth + 1;
        in = new int[layers];
        out = new int[layers];
        weightIndex = new int[layers];
        biasIndex = new int[layers];
        List<BlockSpec> blocks = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            in[l] = l == 0 ? d : width;
            out[l] = l == depth ? outputs : width;
            boolean last = l == depth;
            BlockRole role = l == 0 ? BlockRole.INPUT : last ? BlockRole.OUTPUT : BlockRole.HIDDEN;
            weightIndex[l] = blocks.size();
            blocks.add(BlockSpec.of(last ? "W_out" : "W" + (l + 1), Shape.of(out[l], in[l]), role, in[l]));
            biasIndex[l] = -1;
            if (bias) {
                biasIndex[l] = blocks.size();
                blocks.add(BlockSpec.of(last ? "b_out" : "b" + (l + 1), Shape.of(out[l]), BlockRole.BIAS, 1));
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
        return inputShape;
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    /** @return m, the width of the hidden layers */
    int width() {
        return width;
    }

    /** @return L, the number of hidden layers */
    int depth() {
        return depth;
    }

    /** @return the hidden activation */
    Nonlinearity sigma() {
        return sigma;
    }

    /**
     * @param l a layer, {@code 0..L}
     * @return its input width
     */
    int in(int l) {
        return in[l];
    }

    /**
     * @param l a layer, {@code 0..L}
     * @return its output width
     */
    int out(int l) {
        return out[l];
    }

    /**
     * @param l a layer
     * @return the position of its weight block
     */
    int weightIndex(int l) {
        return weightIndex[l];
    }

    /**
     * @param l a layer
     * @return the position of its bias block, or -1
     */
    int biasIndex(int l) {
        return biasIndex[l];
    }

    @Override
    public FcForward forward(Params params, Batch batch) {
        if (batch.inputSize() != d) {
            throw new IllegalArgumentException("the model reads inputs of " + d + " values (" + inputShape
                    + "), the batch has " + batch.inputSize() + " (" + batch.inputShape() + ")");
        }
        int n = batch.n();
        double[][] weights = new double[depth + 1][];
        double[][] inputs = new double[depth + 1][];
        double[][] pre = new double[depth][];
        inputs[0] = batch.inputs();
        double[] z = null;
        for (int l = 0; l <= depth; l++) {
            weights[l] = params.block(weightIndex[l]);
            z = new double[n * out[l]];
            Linalg.gemm(false, true, n, out[l], in[l], 1.0, inputs[l], 0, in[l], weights[l], 0, in[l], 0.0, z, 0, out[l]);
            if (bias) {
                addRows(z, n, out[l], params.block(biasIndex[l]));
            }
            if (l < depth) {
                pre[l] = z;
                inputs[l + 1] = sigma.apply(z);
            }
        }
        return new FcForward(this, batch, weights, inputs, pre, z);
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        FcForward f = own(forward);
        int n = f.batch().n();
        double[] delta = dOutputs;
        for (int l = depth; l >= 0; l--) {
            Linalg.gemm(true, false, out[l], in[l], n, 1.0, delta, 0, out[l], f.inputs()[l], 0, in[l],
                    0.0, gradient.block(weightIndex[l]), 0, in[l]);
            if (bias) {
                columnSums(delta, n, out[l], gradient.block(biasIndex[l]));
            }
            if (l > 0) {
                double[] next = new double[n * in[l]];
                Linalg.gemm(false, false, n, in[l], out[l], 1.0, delta, 0, out[l], f.weights()[l], 0, in[l],
                        0.0, next, 0, in[l]);
                sigma.timesFirst(f.pre()[l - 1], next);
                delta = next;
            }
        }
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        FcHessian.apply(this, params, batch, loss, direction, result);
    }

    /**
     * The pieces of layer {@code l}: its inputs {@code a_{l-1}} and the signals
     * {@code G_l = d f_output / d z_l}, back-propagated from {@code G_out = e_output} by
     * {@code G_{l-1} = (G_l W_l) .* sigma'(z_{l-1})}. Without biases {@code biasScale} is 0, so
     * {@code (X X^T) .* (G G^T) + biasScale^2 G G^T} is the layer's Gram either way.
     */
    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        if (output < 0 || output >= outputs) {
            throw new IllegalArgumentException("output " + output + " is outside [0, " + outputs + ")");
        }
        FcForward f = forward(params, batch);
        int n = batch.n();
        double[] g = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            g[i * outputs + output] = 1.0;
        }
        DenseLayerPiece[] pieces = new DenseLayerPiece[depth + 1];
        for (int l = depth; l >= 0; l--) {
            double[] x = l == 0 ? f.inputs()[0].clone() : f.inputs()[l];
            String b = bias ? layout.block(biasIndex[l]).name() : null;
            pieces[l] = new DenseLayerPiece(layout.block(weightIndex[l]).name(), b, n, in[l], out[l], x, g,
                    bias ? 1.0 : 0.0);
            if (l > 0) {
                double[] next = new double[n * in[l]];
                Linalg.gemm(false, false, n, in[l], out[l], 1.0, g, 0, out[l], f.weights()[l], 0, in[l],
                        0.0, next, 0, in[l]);
                sigma.timesFirst(f.pre()[l - 1], next);
                g = next;
            }
        }
        return Optional.of(List.of(pieces));
    }

    /**
     * @param forward a pass
     * @return it as this model's own pass
     */
    FcForward own(Forward forward) {
        if (!(forward instanceof FcForward f) || f.model() != this) {
            throw new IllegalArgumentException("this forward pass was not made by this model");
        }
        return f;
    }

    /** {@code z[i, :] += b} for every row i. */
    static void addRows(double[] z, int n, int cols, double[] b) {
        for (int i = 0; i < n; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                z[r + j] += b[j];
            }
        }
    }

    /** {@code s = sum over rows of x}, x being {@code n x cols}. */
    static void columnSums(double[] x, int n, int cols, double[] s) {
        Arrays.fill(s, 0.0);
        for (int i = 0; i < n; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                s[j] += x[r + j];
            }
        }
    }
}
