package org.overparam.plugin.ntk.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The {@code bounds} analyzer's Markdown artifact: one row per bound, "bound / required / this run". */
final class BoundsTable {
    private BoundsTable() {
    }

    /**
     * @param step the analysis step
     * @param s the sizes
     * @param lambda0 lambda_0
     * @param kappa0 kappa at initialization
     * @param optimizer the run's optimizer name (may be null)
     * @param eps the target loss
     * @param rows the bounds
     * @return the UTF-8 bytes of the table
     */
    static byte[] markdown(long step, NetShape s, double lambda0, double kappa0, String optimizer, double eps,
                           List<TheoryBounds.Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("# Theory bounds beside this run, step ").append(step).append("\n\n");
        b.append(String.format(Locale.ROOT, "n = %d, d = %d, L = %d, m = %d, delta = %s, lambda_0 = %s, kappa_0 = %s,"
                        + " optimizer %s, eps = %s%n%n", s.n(), s.d(), s.depth(), s.width(), num(s.delta()), num(lambda0),
                num(kappa0), optimizer == null ? "unknown" : optimizer, num(eps)));
        b.append("| bound | required | this run |\n|---|---|---|\n");
        for (TheoryBounds.Row r : rows) {
            b.append("| ").append(r.bound()).append(" | ").append(num(r.required())).append(" | ")
                    .append(Double.isNaN(r.thisRun()) ? "n/a" : num(r.thisRun())).append(" |\n");
        }
        b.append("\n\"Up to constants\": the papers' unknown constants are dropped, so only how a value grows with"
                + " n, L, delta or kappa is meaningful. \"this run\" for steps is the first step whose training loss"
                + " is at most eps, for rates the fitted per-step factor of the loss (both known at the final"
                + " analysis only).\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
