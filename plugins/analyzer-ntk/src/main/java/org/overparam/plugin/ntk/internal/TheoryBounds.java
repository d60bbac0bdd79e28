package org.overparam.plugin.ntk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Each paper's width and iteration requirements and predicted rates for a run's sizes (see
 * SCIENCE.md). Rows marked "up to constants" drop the unknown constants of an O() or poly()
 * statement, so only their growth with n, L, delta and kappa is meaningful; huge numbers are given
 * as log10.
 * <ul>
 *   <li>A, arXiv 2101.04243: width {@code m ~ n^2 L}; steps {@code ~ log(n L / eps)} (logarithmic
 *       in n, L and 1/eps; the form is to confirm).</li>
 *   <li>B, arXiv 1811.03962: width {@code m >= n^24 L^12 delta^-8} (as quoted elsewhere) and steps
 *       {@code T = n^6 L^2 delta^-2 log(1/eps)}, both up to constants, both as log10.</li>
 *   <li>D, arXiv 2210.12001: width {@code m >= 2n/d} (exact: a zero-loss minimizer exists).</li>
 *   <li>E, arXiv 2107.01832: per-step rates {@code 1 - c/kappa} (GD) and {@code 1 - c/sqrt(kappa)}
 *       (Nesterov), kappa the condition number of the NTK Gram at initialization, c a parameter
 *       (up to constants), and the steps {@code log(1/eps) / -log(rate)} they imply.</li>
 *   <li>NTK: the slowest mode of gradient descent on the model linearized at initialization,
 *       {@code (1 - etaEff lambda_0)^2} per step on the loss; exact for the linearized model on the
 *       points whose Gram gave lambda_0.</li>
 * </ul>
 */
final class TheoryBounds {
    /**
     * One requirement or prediction.
     *
     * @param metric the scalar's name, e.g. {@code a_width_required}
     * @param bound what it is, for the table
     * @param required the paper's value
     * @param thisRun the run's matching quantity (NaN when not known yet)
     */
    record Row(String metric, String bound, double required, double thisRun) {
    }

    /**
     * The run's measured quantities to set beside the bounds.
     *
     * @param width m
     * @param stepsToEps the first step whose training loss is at most eps (NaN if none or not known)
     * @param rate the fitted per-step factor of the loss (NaN if not known)
     */
    record Measured(int width, double stepsToEps, double rate) {
    }

    private TheoryBounds() {
    }

    /**
     * @param s the sizes
     * @param lambda0 the smallest eigenvalue of the NTK Gram at initialization (NaN if unknown)
     * @param kappa0 its condition number (NaN if unknown)
     * @param etaEff the linearized step size {@code 2 s eta} (NaN if unknown)
     * @param eps the target loss
     * @param c the constant of E's rates
     * @param m the measured quantities
     * @return the rows, in table order
     */
    static List<Row> rows(NetShape s, double lambda0, double kappa0, double etaEff, double eps, double c, Measured m) {
        double n = s.n();
        double l = s.depth();
        double logInvEps = Math.log(1 / eps);
        List<Row> r = new ArrayList<>();
        r.add(new Row("a_width_required", "A (2101.04243): width m ~ n^2 L, up to constants", n * n * l, m.width()));
        r.add(new Row("a_steps_required", "A: steps ~ log(n L / eps), up to constants (form to confirm)",
                Math.log(n * l / eps), m.stepsToEps()));
        r.add(new Row("b_log10_width_required", "B (1811.03962): log10 width, m >= n^24 L^12 delta^-8, up to constants",
                24 * Math.log10(n) + 12 * Math.log10(l) - 8 * Math.log10(s.delta()), Math.log10(m.width())));
        r.add(new Row("b_log10_steps_required", "B: log10 steps, T = n^6 L^2 delta^-2 log(1/eps), up to constants",
                6 * Math.log10(n) + 2 * Math.log10(l) - 2 * Math.log10(s.delta()) + Math.log10(logInvEps),
                Math.log10(m.stepsToEps())));
        r.add(new Row("d_width_required", "D (2210.12001): width m >= 2n/d", Math.ceil(2 * n / s.d()), m.width()));
        double gd = 1 - c / kappa0;
        double nag = 1 - c / Math.sqrt(kappa0);
        r.add(new Row("e_gd_rate", "E (2107.01832): GD loss factor per step 1 - c/kappa, up to constants", gd, m.rate()));
        r.add(new Row("e_nesterov_rate", "E: Nesterov loss factor per step 1 - c/sqrt(kappa), up to constants", nag,
                m.rate()));
        r.add(new Row("e_gd_steps_required", "E: GD steps to eps, log(1/eps) / -log(1 - c/kappa), up to constants",
                logInvEps / -Math.log(gd), m.stepsToEps()));
        r.add(new Row("e_nesterov_steps_required", "E: Nesterov steps to eps, log(1/eps) / -log(1 - c/sqrt(kappa)), up to constants",
                logInvEps / -Math.log(nag), m.stepsToEps()));
        double q = 1 - etaEff * lambda0;
        r.add(new Row("ntk_gd_rate", "NTK: slowest linearized GD mode, loss factor (1 - eta_eff lambda_0)^2 per step",
                q * q, m.rate()));
        return r;
    }
}
