package org.overparam.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Evaluates the run's training loss and its derivatives at any point, on all training samples or a
 * subset: what Nesterov's look-ahead, SGD's mini-batches and line searches need. Gradients are zero
 * in frozen blocks. Every call is counted, so methods can be compared at equal gradient evaluations.
 */
@ProviderType
public interface GradientOracle {
    /** @return the number of training samples n */
    int sampleCount();

    /** @return the parameter layout */
    Layout layout();

    /**
     * @param at the point; not modified
     * @param rows training-sample indices, or {@code null} for all
     * @return the loss there
     */
    double loss(Params at, int[] rows);

    /**
     * @param at the point; not modified
     * @param rows training-sample indices, or {@code null} for all
     * @param gradient receives the gradient (frozen blocks zero)
     * @return the loss there
     */
    double gradient(Params at, int[] rows, Params gradient);

    /**
     * @param at the point; not modified
     * @param rows training-sample indices, or {@code null} for all
     * @param direction v; not modified
     * @param result receives H v, restricted to trainable blocks
     */
    void hessianVector(Params at, int[] rows, Params direction, Params result);

    /**
     * @param block a block position
     * @return whether that block is trained in this run
     */
    boolean trainable(int block);

    /** @return how many sample-gradients have been evaluated so far (a full batch counts n) */
    long sampleGradients();
}
