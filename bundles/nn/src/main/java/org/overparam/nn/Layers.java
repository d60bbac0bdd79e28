package org.overparam.nn;

import java.util.List;
import org.overparam.nn.internal.Combinators;
import org.overparam.nn.internal.Simple;

/**
 * The shipped layers and combinators, stax style:
 * {@code Network.of(Shape.of(10), dense(512), relu(), dense(1))}. Every factory returns an
 * immutable {@link Layer}; see docs/nn.md for each layer's passes and kernel map.
 */
public final class Layers {
    private Layers() {
    }

    /**
     * @param width output units
     * @return a dense layer without bias, {@code sigma_w^2 = 1}
     */
    public static Dense dense(int width) {
        return new Dense(width, false, 1.0, 0.0, null, null);
    }

    /**
     * @param phi the activation
     * @return the elementwise layer {@code phi(z)}
     */
    public static Layer elementwise(Nonlinearity phi) {
        return Simple.elementwise(phi);
    }

    /** @return {@code max(z, 0)} */
    public static Layer relu() {
        return elementwise(Nonlinearity.RELU);
    }

    /** @return {@code tanh(z)} */
    public static Layer tanh() {
        return elementwise(Nonlinearity.TANH);
    }

    /** @return {@code erf(z)} */
    public static Layer erf() {
        return elementwise(Nonlinearity.ERF);
    }

    /** @return {@code log(1 + e^z)} */
    public static Layer softplus() {
        return elementwise(Nonlinearity.SOFTPLUS);
    }

    /** @return the identity (values passed through, no copy) */
    public static Layer identity() {
        return Simple.identity();
    }

    /** @return {@code [c, spatial...] -> [c S]}, row-major (values passed through, no copy) */
    public static Layer flatten() {
        return Simple.flatten();
    }

    /**
     * @param dims the output shape, with as many values as the input (e.g. {@code 1, d} to read a
     *     vector as a 1-D signal)
     * @return the values under that shape (no copy; no kernel map)
     */
    public static Layer reshape(int... dims) {
        return Simple.reshape(org.overparam.api.Shape.of(dims));
    }

    /**
     * @param s the factor
     * @return {@code y = s x}
     */
    public static Layer scale(double s) {
        return Simple.scale(s);
    }

    /**
     * @param name the name
     * @param layer a layer
     * @return the layer bound under that name instead of its position (e.g. fc's {@code h1} for
     *     its activations)
     */
    public static Layer named(String name, Layer layer) {
        return (shape, ignored) -> layer.bind(shape, name);
    }

    /**
     * @param layer a layer
     * @return the same layer with its blocks untrainable by default (a run may still train them)
     */
    public static Layer frozen(Layer layer) {
        return Simple.frozen(layer);
    }

    /**
     * @param layers applied in turn, at least one
     * @return their composition
     */
    public static Layer serial(Layer... layers) {
        return Combinators.serial(List.of(layers));
    }

    /**
     * @param fanIn how the branches' outputs join
     * @param branches each reads the same input (fan-out)
     * @return the branches side by side
     */
    public static Layer parallel(FanIn fanIn, Layer... branches) {
        return Combinators.parallel(fanIn, List.of(branches));
    }

    /**
     * @param tau the branch's factor
     * @param branch the branch's layers, applied in turn
     * @return the residual block {@code h + tau branch(h)}
     */
    public static Layer residual(double tau, Layer... branch) {
        return parallel(FanIn.SUM, identity(), serial(serial(branch), scale(tau)));
    }

    /**
     * @param layers the surrogate's layers, e.g. {@code dense(m), relu(), dense(m), relu(), dense(k)}
     * @return the gated surrogate of arXiv 2101.04243: activation patterns frozen from a tied,
     *     untrainable copy of the layers (blocks {@code gate.NAME})
     */
    public static Layer gated(Layer... layers) {
        return Combinators.gated(List.of(layers));
    }

    /**
     * @param channels output channels
     * @param k kernel size
     * @return a 1-D convolution, stride 1, no padding or bias
     */
    public static Conv conv1d(int channels, int k) {
        return new Conv(channels, new int[] {k}, new int[] {1}, new int[] {0}, false, 1.0, 0.0, null, null);
    }

    /**
     * @param channels output channels
     * @param kh kernel height
     * @param kw kernel width
     * @return a 2-D convolution, stride 1, no padding or bias
     */
    public static Conv conv2d(int channels, int kh, int kw) {
        return new Conv(channels, new int[] {kh, kw}, new int[] {1, 1}, new int[] {0, 0}, false, 1.0, 0.0, null, null);
    }

    /**
     * @param window the window per spatial axis (1 entry for {@code [c, l]}, 2 for {@code [c, h, w]})
     * @return average pooling with stride = window
     */
    public static Layer avgPool(int... window) {
        return Combinators.avgPool(window, window);
    }

    /** @return the mean over all positions, {@code [c, spatial...] -> [c]} */
    public static Layer globalAvgPool() {
        return Combinators.avgPool(null, null);
    }
}
