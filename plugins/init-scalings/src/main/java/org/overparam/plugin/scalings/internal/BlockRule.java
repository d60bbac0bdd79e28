package org.overparam.plugin.scalings.internal;

/**
 * How one block is parameterized, in the general form of the abc-parameterizations (Yang and Hu,
 * arXiv 2011.14522): the network uses {@code effective = multiplier * raw} with
 * {@code multiplier = gain * fanIn^(-multiplierExponent)} and raw values drawn
 * {@code N(0, (std * fanIn^(-rawExponent))^2)}; optimizers train the raw values.
 *
 * <p>Named cases, for an effective variance {@code c / fanIn}: NTK
 * {@code (sqrt(c), 1/2, 1, 0)} (raw N(0, 1), multiplier {@code sqrt(c / fanIn)}); standard
 * {@code (1, 0, sqrt(c), 1/2)} (raw N(0, c / fanIn), multiplier 1); a mean-field output layer
 * {@code (sqrt(c), 1, 1, 0)} (multiplier {@code sqrt(c) / fanIn}). The effective distribution is
 * the same for NTK and standard; training differs because gradients in raw coordinates carry the
 * multiplier.
 *
 * @param gain the multiplier's constant factor
 * @param multiplierExponent the power of {@code 1/fanIn} in the multiplier
 * @param std the raw values' constant standard deviation (0: all zero)
 * @param rawExponent the power of {@code 1/fanIn} in the raw standard deviation
 */
record BlockRule(double gain, double multiplierExponent, double std, double rawExponent) {

    /**
     * @param c the effective variance times fan-in
     * @return the NTK rule: raw N(0, 1), multiplier sqrt(c / fanIn)
     */
    static BlockRule ntk(double c) {
        return new BlockRule(Math.sqrt(c), 0.5, 1.0, 0.0);
    }

    /**
     * @param c the effective variance times fan-in
     * @return the standard rule: raw N(0, c / fanIn), multiplier 1
     */
    static BlockRule standard(double c) {
        return new BlockRule(1.0, 0.0, Math.sqrt(c), 0.5);
    }

    /**
     * @param c the effective variance times fan-in at fan-in 1
     * @return the mean-field rule (Yang and Hu's a = 1, b = 0): raw N(0, 1), multiplier
     *     {@code sqrt(c) / fanIn}
     */
    static BlockRule meanField(double c) {
        return new BlockRule(Math.sqrt(c), 1.0, 1.0, 0.0);
    }

    /**
     * @param std the raw standard deviation
     * @param scale the multiplier
     * @return a rule independent of fan-in: raw N(0, std^2), multiplier {@code scale} (for biases)
     */
    static BlockRule fixed(double std, double scale) {
        return new BlockRule(scale, 0.0, std, 0.0);
    }

    /**
     * @param fanIn the block's fan-in
     * @return the forward multiplier
     */
    double multiplier(int fanIn) {
        return gain * Math.pow(fanIn, -multiplierExponent);
    }

    /**
     * @param fanIn the block's fan-in
     * @return the raw values' standard deviation
     */
    double rawStd(int fanIn) {
        return std * Math.pow(fanIn, -rawExponent);
    }
}
