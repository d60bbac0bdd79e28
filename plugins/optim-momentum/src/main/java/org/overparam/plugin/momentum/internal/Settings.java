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
     * @return this
     * @throws InvalidInputException naming the first parameter out of range
     */
    Settings checked() {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new InvalidInputException("lr", "learning rate " + lr + " must be a finite number above 0");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("momentum", "momentum " + momentum + " is outside [0, 1)");
        }
        if (auto) {
            if (label == null || label.isBlank()) {
                throw new InvalidInputException("label", "auto needs the label of an NTK analyzer, e.g. ntk");
            }
            if (!(lrFactor > 0) || Double.isInfinite(lrFactor)) {
                throw new InvalidInputException("lrFactor", "lrFactor " + lrFactor + " must be a finite number above 0");
            }
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new InvalidInputException("c", "c " + c + " must be a finite number above 0");
            }
        }
        return this;
    }
}
