package org.overparam.nn;

/**
 * How raw parameters enter the network, which decides the NTK's scale in the infinite-width limit
 * (the NNGP is the same for both). Overparam applies the multipliers outside the layers
 * ({@link org.overparam.api.Scaling}); this names the convention a {@link KernelMap} assumes.
 */
public enum Parameterization {
    /**
     * Raw weights N(0, 1) with multiplier {@code sigma_w / sqrt(fanIn)}, raw biases N(0, 1) with
     * multiplier {@code sigma_b} (Jacot et al. 2018, arXiv 1806.07572).
     */
    NTK,
    /**
     * Weights N(0, sigma_w^2 / fanIn), biases N(0, sigma_b^2), multiplier 1: the NTK's terms carry
     * the fan-ins (Sohl-Dickstein et al. 2020, arXiv 2001.07301).
     */
    STANDARD
}
