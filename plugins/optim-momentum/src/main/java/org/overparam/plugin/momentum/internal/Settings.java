package org.overparam.plugin.momentum.internal;

import org.overparam.api.InvalidInputException;

/**
 * The parameters shared by {@code heavy-ball} and {@code nesterov}, read from their
 * {@link MomentumConfig}.
 *
 * @param lr the step size eta (used when {@code auto} is off, or before the first measurement)
 * @param momentum beta in [0, 1) (likewise)
 * @param auto whether to set eta and beta from the measured NTK spectrum ({@link Tuning})
 * @param label the label of the analyzer whose {@code lambda_max} and {@code lambda_min} are read
 * @param lrFactor c_eta in {@code eta = c_eta / L}
 * @param c the constant in {@code beta = (1 - c / sqrt(kappa)) / (1 + c / sqrt(kappa))}
 */
record Settings(double lr, double momentum, boolean auto, String label, double lrFactor, double c) {
    /**
     * @param c a component's config
     * @return its settings, unchecked
     */
    static Settings of(MomentumConfig c) {
        return new Settings(c.lr(), c.momentum(), c.auto(), c.label(), c.lrFactor(), c.c());
    }

    /**
     * Checks what depends on two parameters: with {@code auto} on, {@code label} must name an
     * analyzer. The single-parameter ranges ({@code lr}, {@code momentum}, {@code lrFactor},
     * {@code c}) are checked from {@code @Param} before the component sees its Config.
     *
     * @return this
     * @throws InvalidInputException naming {@code label} when {@code auto} is on and it is blank
     */
    Settings checked() {
        if (auto && (label == null || label.isBlank())) {
            throw new InvalidInputException("label", "auto needs the label of an NTK analyzer, e.g. ntk");
        }
        return this;
    }
}
