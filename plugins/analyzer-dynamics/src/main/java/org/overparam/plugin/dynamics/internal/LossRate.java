package org.overparam.plugin.dynamics.internal;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.overparam.api.MetricSink;

/**
 * How fast the training loss falls: a least-squares line {@code log F_t = a + b t} through the
 * recorded training losses (Commons Math {@link SimpleRegression}), the test of linear convergence
 * in arXiv 1811.03962 (check B1), 2101.04243 (A1) and 2107.01832 (E1): under linear convergence
 * {@code F_t ~ C q^t} and the fit is exact. Recorded:
 * <ul>
 *   <li>{@code rate = exp(b)}, the fitted per-step factor {@code q} (below 1 while the loss falls),
 *       with {@code rate_stderr = exp(b) se(b)} (delta method) and {@code rate_r2}, the fit's R^2;</li>
 *   <li>{@code log_rate = b} and {@code log_rate_stderr = se(b)}, the slope and its standard error;</li>
 *   <li>{@code steps_to_target}: the first recorded step whose loss is at most the target, NaN until
 *       one is.</li>
 * </ul>
 * The fit uses the last {@code window} recorded values (all if {@code window} is 0), skipping values
 * that are not finite and positive; with fewer than three usable values the fit's numbers are NaN.
 */
final class LossRate {
    private LossRate() {
    }

    /**
     * @param history {@code [steps, losses]} of equal length, in recording order; not modified
     * @param window the number of latest values to fit; 0 = all
     * @param target the loss to reach
     * @param out the sink
     */
    static void record(double[][] history, int window, double target, MetricSink out) {
        double[] steps = history[0];
        double[] loss = history[1];
        int from = window == 0 ? 0 : Math.max(0, loss.length - window);
        SimpleRegression fit = new SimpleRegression();
        for (int i = from; i < loss.length; i++) {
            if (loss[i] > 0 && Double.isFinite(loss[i])) {
                fit.addData(steps[i], Math.log(loss[i]));
            }
        }
        boolean enough = fit.getN() >= 3;
        double slope = enough ? fit.getSlope() : Double.NaN;
        double se = enough ? fit.getSlopeStdErr() : Double.NaN;
        double rate = Math.exp(slope);
        out.scalar("rate", rate);
        out.scalar("rate_stderr", rate * se);
        out.scalar("rate_r2", enough ? fit.getRSquare() : Double.NaN);
        out.scalar("log_rate", slope);
        out.scalar("log_rate_stderr", se);
        out.scalar("steps_to_target", stepsTo(steps, loss, target));
    }

    /** @return the first step whose loss is at most target, or NaN */
    static double stepsTo(double[] steps, double[] loss, double target) {
        for (int i = 0; i < loss.length; i++) {
            if (loss[i] <= target) {
                return steps[i];
            }
        }
        return Double.NaN;
    }
}
