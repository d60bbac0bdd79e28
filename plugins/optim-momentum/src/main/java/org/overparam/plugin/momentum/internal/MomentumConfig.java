package org.overparam.plugin.momentum.internal;

import org.overparam.api.Param;

/**
 * The parameters of {@code heavy-ball} and {@code nesterov}: the same for both, so that a switch
 * or swap between them keeps its settings' meaning. Read into {@link Settings} for checking.
 */
public @interface MomentumConfig {
    /** @return eta */
    @Param(value = "learning rate eta, multiplied by the schedule's factor (auto: used before the first"
            + " measurement)", min = 0, minExclusive = true)
    double lr() default 0.1;

    /** @return beta */
    @Param(value = "momentum beta (auto: used before the first measurement)", min = 0, max = 1,
            maxExclusive = true)
    double momentum() default 0.9;

    /** @return whether to tune from the NTK */
    @Param("set eta = lrFactor / L and beta = (1 - c/sqrt(kappa)) / (1 + c/sqrt(kappa)) from the latest"
            + " <label>.lambda_max and <label>.lambda_min")
    boolean auto() default false;

    /** @return the analyzer label */
    @Param("label of the NTK analyzer whose lambda_max and lambda_min auto reads")
    String label() default "ntk";

    /** @return c_eta */
    @Param(value = "auto: eta = lrFactor / L, L = 2s lambda_max the loss's curvature", min = 0,
            minExclusive = true)
    double lrFactor() default 1.0;

    /** @return c */
    @Param(value = "auto: the constant c of beta = (1 - c/sqrt(kappa)) / (1 + c/sqrt(kappa))", min = 0,
            minExclusive = true)
    double c() default 1.0;
}
