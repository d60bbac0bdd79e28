package org.overparam.api;

import java.util.List;

/**
 * The result of a forward pass: the outputs and whatever the model needs for its backward pass
 * (pre-activations, activation patterns). Implementations belong to the model that made them;
 * they are valid only for that model and the params they were computed with.
 */
public interface Forward {
    /** @return the batch this pass ran on */
    Batch batch();

    /** @return {@code n x k} outputs, row-major (live; do not modify) */
    double[] output();

    /** @return the hidden layers' pre-activations, in layer order; empty if the model has none */
    default List<Activation> activations() {
        return List.of();
    }
}
