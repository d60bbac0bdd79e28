package org.overparam.nn;

/** How {@link Layers#parallel} joins its branches' outputs (stax's {@code FanInSum}, {@code FanInConcat}). */
public enum FanIn {
    /** The elementwise sum; the branches' output shapes must be equal. Kernels add. */
    SUM,
    /**
     * Concatenation along the channel axis (axis 0 of one sample); the other axes must agree.
     * Kernels are the channel-weighted mean of the branches' kernels.
     */
    CONCAT
}
