package org.overparam.plugin.momentum.internal;

import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.NtkMetrics;
import org.overparam.api.StepContext;

/**
 * Chooses the step size and momentum of a step. With {@code auto} off: the given {@code lr} and
 * {@code momentum}. With {@code auto} on, from the extreme eigenvalues of the empirical NTK Gram
 * {@code K = J J^T} that an analyzer recorded as {@code <label>.lambda_max} and
 * {@code <label>.lambda_min} (their latest values), as arXiv 2107.01832 prescribes:
 * <pre>
 *   L = 2 s lambda_max,  eta = lrFactor / L,  kappa = lambda_max / lambda_min,
 *   beta = (1 - c / sqrt(kappa)) / (1 + c / sqrt(kappa))   (0 if c >= sqrt(kappa))
 * </pre>
 * where {@code 2 s} turns K into the curvature of the run's loss {@code F = s sum (f - y)^2}:
 * {@code s = (half ? 1/2 : 1) * (reduction == mean ? 1/n : 1)} from the loss's parameters
 * ({@code half} true and {@code reduction} sum when the loss has no such parameters), so for the
 * papers' {@code F = 1/2 sum (f - y)^2}, {@code L = lambda_max}. On a quadratic with Hessian A and
 * these eigenvalues, {@code lrFactor = c = 1} gives eta = 1/L and beta = (sqrt(kappa) - 1) /
 * (sqrt(kappa) + 1), Nesterov's rate {@code 1 - 1/sqrt(kappa)}.
 *
 * <p>Before the first measurement (analyses run after a step, so step 0 never has one) the given
 * {@code lr} and {@code momentum} are used and the step reports {@code auto = 0}; a measured step
 * reports {@code auto = 1}. A step after the first that still finds no measurement fails with a
 * message naming the metric: the run has no such analyzer. Every step reports the {@code lr} and
 * {@code momentum} it used (before the schedule's factor).
 */
final class Tuning {
    private Tuning() {
    }

    /**
     * @param ctx the step (its metrics, the loss's config, the sample count)
     * @param s the settings
     * @return {@code {eta, beta}} for this step, before the schedule's factor
     * @throws InvalidInputException if auto is on and the measurement is missing after step 0 or
     *     unusable ({@code lambda_min <= 0})
     */
    static double[] choose(StepContext ctx, Settings s) {
        double eta = s.lr();
        double beta = s.momentum();
        if (s.auto()) {
            Map<String, Double> m = ctx.latestMetrics();
            Double hi = m.get(NtkMetrics.named(s.label(), NtkMetrics.LAMBDA_MAX));
            Double lo = m.get(NtkMetrics.named(s.label(), NtkMetrics.LAMBDA_MIN));
            if (hi == null || lo == null) {
                if (ctx.step() > 0) {
                    throw new InvalidInputException("auto", "no metric '" + s.label() + ".lambda_max' and '"
                            + s.label() + ".lambda_min' has been recorded by step " + ctx.step() + "; add an NTK "
                            + "analyzer labelled '" + s.label() + "' (analyzers: [{name: ntk, label: " + s.label()
                            + "}]) or set auto: false");
                }
                ctx.report("auto", 0);
            } else {
                if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
                    throw new InvalidInputException("auto", "the measured NTK spectrum [" + lo + ", " + hi
                            + "] is not positive definite, so kappa is unbounded; set auto: false and give lr "
                            + "and momentum");
                }
                eta = s.lrFactor() / (curvature(ctx) * hi);
                double q = s.c() / Math.sqrt(hi / lo);
                beta = q >= 1 ? 0 : (1 - q) / (1 + q);
                ctx.report("auto", 1);
            }
        }
        ctx.report("lr", eta);
        ctx.report("momentum", beta);
        return new double[] {eta, beta};
    }

    /** @return {@code 2 s}, the factor from K to the loss's Gauss-Newton curvature ({@link StepContext#lossScale}) */
    static double curvature(StepContext ctx) {
        return 2 * ctx.lossScale().at(Math.max(1, ctx.oracle().sampleCount()));
    }
}
