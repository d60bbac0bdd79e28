package org.overparam.api.run;

/**
 * When a run ends: after {@code maxSteps} steps (status COMPLETED), when the training loss falls to
 * {@code targetLoss} or below (CONVERGED), or when it becomes NaN or infinite (DIVERGED).
 *
 * @param maxSteps the step budget, at least 1
 * @param targetLoss the loss to reach; 0 or below disables the target
 */
public record StopRule(long maxSteps, double targetLoss) {
    /** Checks the budget. */
    public StopRule {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max steps " + maxSteps + " is below 1");
        }
    }
}
