package org.overparam.nn.internal;

import java.util.List;
import org.overparam.nn.Layer;

/** The combinators as {@link Layer} values, for {@link org.overparam.nn.Layers}. */
public final class Combinators {
    private Combinators() {
    }

    /** @param layers applied in turn @return their serial composition */
    public static Layer serial(List<Layer> layers) {
        List<Layer> copy = List.copyOf(layers);
        return (shape, name) -> new Serial(name, shape, copy);
    }
}
