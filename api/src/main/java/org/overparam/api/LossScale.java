package org.overparam.api;

/**
 * The scale {@code s} of a {@link Loss}: the loss is {@code s * sum_i l_i} over the batch's n
 * samples, with {@code s = factor * (mean ? 1/n : 1)}. For {@code squared},
 * {@code factor = 1/2} when {@code half} is on and {@code mean} is {@code reduction: mean}; so
 * {@code F = 1/2 sum_i ||f(x_i) - y_i||^2} has Gauss-Newton curvature {@code 2 s K}. Optimizers
 * and analyzers read it through {@link StepContext#lossScale()} and {@link Snapshot#lossScale()},
 * never from the loss's parameters.
 *
 * @param factor the constant factor (1 for a plain sum, 1/2 for {@code half})
 * @param mean whether the loss divides by the number of samples
 * @since 1.3
 */
public record LossScale(double factor, boolean mean) {
    /** A plain sum over the samples: {@code s = 1}. */
    public static final LossScale SUM = new LossScale(1.0, false);

    /**
     * @param n the number of samples (a mean over 0 samples counts as over 1)
     * @return {@code s = factor * (mean ? 1/n : 1)}
     */
    public double at(int n) {
        return factor * (mean && n != 0 ? 1.0 / n : 1.0);
    }

    /**
     * The scale a loss configuration declares through the conventional parameters {@code half}
     * (default on, as {@code squared}'s) and {@code reduction} ({@code sum} or {@code mean}). It is
     * the fallback of {@link StepContext#lossScale()} and {@link Snapshot#lossScale()} for contexts
     * that cannot ask the {@link Loss} itself ({@link Loss#scale}).
     *
     * @param lossConfig the run's loss parameters
     * @return the scale they declare
     */
    public static LossScale declared(Config lossConfig) {
        Object half = lossConfig.get("half");
        boolean halved = !(Boolean.FALSE.equals(half) || "false".equals(half));
        return new LossScale(halved ? 0.5 : 1.0, "mean".equals(lossConfig.get("reduction")));
    }
}
