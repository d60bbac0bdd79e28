package org.overparam.nn.internal;

import org.overparam.api.Shape;
import org.overparam.nn.Layer;
import org.overparam.nn.Nonlinearity;

/** The parameter-free layers as {@link Layer} values, for {@link org.overparam.nn.Layers}. */
public final class Simple {
    private Simple() {
    }

    /**
     * @param phi the activation
     * @return its elementwise layer
     */
    public static Layer elementwise(Nonlinearity phi) {
        return (shape, name) -> new ElementwiseLayer(name, shape, phi);
    }

    /** @return the identity */
    public static Layer identity() {
        return (shape, name) -> new Reshape(name, shape, shape, false);
    }

    /** @return flatten */
    public static Layer flatten() {
        return (shape, name) -> new Reshape(name, shape, Shape.of(shape.size()), true);
    }

    /**
     * @param layer a layer
     * @return the layer with its blocks untrainable by default
     */
    public static Layer frozen(Layer layer) {
        return (shape, name) -> new Frozen(layer.bind(shape, name));
    }

    /**
     * @param to the output shape, of the input's size
     * @return the values under that shape
     */
    public static Layer reshape(Shape to) {
        return (shape, name) -> new Reshape(name, shape, to, false);
    }

    /**
     * @param s the factor
     * @return {@code y = s x}
     */
    public static Layer scale(double s) {
        return (shape, name) -> new ScaleLayer(name, shape, s);
    }
}
