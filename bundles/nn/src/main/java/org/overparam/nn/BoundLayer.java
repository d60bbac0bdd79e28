package org.overparam.nn;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.overparam.api.Activation;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Shape;

/**
 * A layer bound to its input shape: a map from a batch of {@code n x inputShape} activations to
 * {@code n x outputShape}, both flat row-major {@code double[]}, with parameter blocks
 * {@link #blocks()}. Every method receives the layer's block arrays {@code w} (one per block, in
 * order) and keeps nothing: bound layers are immutable and thread-safe; a call's intermediate
 * values live in its {@link Pass} or {@link Tangent}.
 *
 * <p>Arrays: {@code null} stands for zero where a method says so. A layer may overwrite the
 * signal arrays it is handed ({@code dy}, {@code rdy}) and may return them as its input signals
 * (elementwise layers do, in place); callers that need them afterwards pass copies. Outputs of
 * {@link #forward} are new arrays or, for reshaping layers, the input itself.
 *
 * <p>Contract for the R-operator (Pearlmutter 1994): with {@code R{.} = d/dr (.)(w + r v)} at
 * {@code r = 0}, {@link #tangent} gives {@code R{y}} from {@code R{x}} and {@link #rBackward} gives
 * {@code R{dx}} and {@code R{grad w}} from {@code dy}, {@code R{dy}}: a {@link Network} of layers
 * that honour it computes the exact Hessian-vector product of {@code loss(f(w))}.
 */
@ConsumerType
public interface BoundLayer {
    /** @return the layer's name in the network */
    String name();

    /** @return one sample's input shape */
    Shape inputShape();

    /** @return one sample's output shape */
    Shape outputShape();

    /** @return the layers a combinator is made of, in block order (empty for a plain layer) */
    default List<BoundLayer> children() {
        return List.of();
    }

    /** @return the parameter blocks, in the order of the {@code w} arrays (empty for most layers) */
    default List<Block> blocks() {
        return List.of();
    }

    /**
     * @param w the blocks' values; not modified
     * @param n the number of samples
     * @param x {@code n x inputShape} inputs; not modified
     * @return the outputs and what the backward passes need
     */
    Pass forward(double[][] w, int n, double[] x);

    /**
     * The vector-Jacobian product.
     *
     * @param pass a forward pass of this layer
     * @param dy {@code n x outputShape} derivative of a scalar in the outputs; may be overwritten
     * @param inputGradient whether to compute the derivative in the inputs
     * @param grads receives the derivative in each block (every array overwritten), or {@code null}
     * @return {@code dx}, {@code n x inputShape}, or {@code null} when not asked for
     */
    double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads);

    /**
     * The R-operator forward pass.
     *
     * @param pass a forward pass of this layer
     * @param v the direction in the blocks, or {@code null} for zero; not modified
     * @param rx {@code R{x}}, or {@code null} for zero; may be kept by the tangent, not modified
     * @return {@code R{y}} and what {@link #rBackward} needs
     */
    Tangent tangent(Pass pass, double[][] v, double[] rx);

    /**
     * The R-operator backward pass: the R-operator of {@link #backward}.
     *
     * @param pass a forward pass of this layer
     * @param tangent its R-operator pass
     * @param dy the signal in the outputs, as for {@link #backward}; may be overwritten
     * @param rdy {@code R{dy}}; may be overwritten
     * @param inputGradient whether to compute {@code dx} and {@code R{dx}}
     * @param hv receives {@code R{grad w}} in each block (every array overwritten), or {@code null}
     * @return {@code {dx, R{dx}}}, or {@code null} when not asked for
     */
    double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient, double[][] hv);

    /**
     * @return whether the empirical NTK's per-layer pieces cover this layer: true for layers
     *     without parameters and for dense layers, false for a convolution (analyzers then fall
     *     back to per-sample gradients)
     */
    default boolean densePieces() {
        return blocks().isEmpty();
    }

    /**
     * The back-propagation of the empirical NTK's per-layer pieces: {@link #backward} without
     * gradients, adding one {@link DenseLayerPiece} (inputs and output signals) per dense layer met.
     * Called only when {@link #densePieces()}.
     *
     * @param pass a forward pass of this layer
     * @param dy the output signals; may be overwritten unless a piece keeps it (dense layers keep
     *     it and leave it unchanged)
     * @param inputGradient whether to return the input signals
     * @param out receives the pieces
     * @return the input signals, or {@code null} when not asked for
     */
    default double[] pieces(Pass pass, double[] dy, boolean inputGradient, List<DenseLayerPiece> out) {
        return backward(pass, dy, inputGradient, null);
    }

    /**
     * @param pass a forward pass of this layer
     * @param out receives the pre-activations of every elementwise nonlinearity, in layer order
     */
    default void activations(Pass pass, List<Activation> out) {
    }

    /** @return the infinite-width kernel map, or empty when the layer has none */
    default Optional<KernelMap> kernelMap() {
        return Optional.empty();
    }

    /**
     * Whether this layer's outputs have mean zero over the random initialization, for every input,
     * given whether its inputs have. A sum of branches has an infinite-width kernel map only when at
     * most one branch can have a non-zero mean: a sum's kernel is the sum of the branches' kernels
     * only when their cross terms {@code E[a(x) b(x')]} vanish, which a fresh zero-mean layer at the end
     * of a branch guarantees and two ReLU outputs do not (e.g. {@code h + tau relu(W h)} with h itself
     * a ReLU output). The default, false, is the safe answer for layers that cannot tell.
     *
     * @param inputZeroMean whether the inputs have mean zero
     * @return whether the outputs have
     */
    default boolean zeroMean(boolean inputZeroMean) {
        return false;
    }
}
