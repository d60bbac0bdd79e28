package org.overparam.nn;

/**
 * One forward pass of a {@link BoundLayer} on a batch: the outputs and whatever the layer's
 * backward and R-operator passes need (inputs, pre-activations, weights). A pass refers to the
 * arrays it was computed from and is valid only while they are unchanged.
 */
public interface Pass {
    /** @return the number of samples */
    int n();

    /** @return {@code n x outputShape} outputs, row-major (live; do not modify) */
    double[] output();
}
