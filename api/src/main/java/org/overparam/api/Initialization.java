package org.overparam.api;

import java.util.Objects;
import java.util.Set;

/**
 * What an {@link Initializer} produces: the initial raw values, the forward multipliers, and the
 * blocks the parameterization requires frozen (e.g. the output signs of asymmetrical node scaling).
 * The run additionally freezes blocks the architecture marks untrainable and those its spec names.
 *
 * @param params the initial values
 * @param scaling the forward multipliers
 * @param frozen names of blocks that must not be trained
 */
public record Initialization(Params params, Scaling scaling, Set<String> frozen) {
    /** Checks the fields. */
    public Initialization {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(scaling, "scaling");
        frozen = Set.copyOf(frozen);
        if (!params.layout().equals(scaling.layout())) {
            throw new IllegalArgumentException("params and scaling have different layouts");
        }
        for (String f : frozen) {
            params.layout().indexOf(f);
        }
    }
}
