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

    /** @param width output units @return a dense layer without bias, {@code sigma_w^2 = 1} */
    public static Dense dense(int width) {
        return new Dense(width, false, 1.0, 0.0, null, null);
    }

    /** @param phi the activation @return the elementwise layer {@code phi(z)} */
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

    /** @param s the factor @return {@code y = s x} */
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

    /** @param layers applied in turn, at least one @return their composition */
    public static Layer serial(Layer... layers) {
        return Combinators.serial(List.of(layers));
    }
}
