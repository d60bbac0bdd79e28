package org.overparam.report.internal;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.overparam.api.InvalidInputException;

/**
 * {@code bound metric=M max=V} or {@code min=V} {@code [over=final|all]}: a metric stays below (or
 * above) a fixed value in every run, at the end ({@code over=final}, the default) or at every
 * recorded step ({@code over=all}: its largest value against {@code max}, its smallest against
 * {@code min}); with {@code relative=true} every value is first divided by the run's first recorded
 * value (a loss ~0 relative to where it started, an eigenvalue bounded away from 0 relative to its
 * initial value). E.g. the converted gated network's output difference at float level at every
 * conversion (arXiv 2101.04243 A2), a narrow net's final loss near zero (D1).
 */
final class BoundTest {
    private BoundTest() {
    }

    static Outcome evaluate(CheckTest t, List<RunData> runs) {
        String metric = t.text("metric");
        boolean upper = t.params().containsKey("max");
        if (upper == t.params().containsKey("min")) {
            throw new InvalidInputException(t.where(), "bound needs exactly one of max=... and min=...");
        }
        double bound = t.number(upper ? "max" : "min", Double.NaN);
        boolean all = t.params().getOrDefault("over", "final").equals("all");
        boolean relative = t.params().getOrDefault("relative", "false").equals("true");
        double worst = upper ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (RunData r : runs) {
            double v = all ? (upper ? RunValues.max(r, metric) : -RunValues.max(r, "-" + metric))
                    : RunValues.last(r, metric);
            if (Double.isNaN(v)) {
                return Outcome.notTestable("run " + r.id() + " recorded no " + metric);
            }
            if (relative) {
                v /= RunValues.first(r, metric);
            }
            worst = upper ? Math.max(worst, v) : Math.min(worst, v);
        }
        boolean holds = upper ? worst <= bound : worst >= bound;
        String numbers = String.format("%s %s%s %s over %d run%s: %s (threshold %s %s)", upper ? "largest" : "smallest",
                metric, relative ? " relative to its first value" : "", all ? "at any recorded step" : "at the end", runs.size(), runs.size() == 1 ? "" : "s",
                Format.number(worst), upper ? "<=" : ">=", Format.number(bound));
        return new Outcome(holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, numbers,
                max -> chart(metric, bound, runs, max));
    }

    private static XYChart chart(String metric, double bound, List<RunData> runs, int max) {
        boolean positive = bound > 0 && runs.stream().allMatch(r -> {
            Curve c = RunValues.curve(r, metric);
            return c != null && c.finite().allPositive();
        });
        XYChart c = Charts.xy(metric + " against the step", "step t", metric, false, positive);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RunData r : runs) {
            Curve curve = RunValues.curve(r, metric);
            if (curve != null && curve.size() > 0) {
                Charts.line(c, RunValues.name(r), curve.x(), curve.values(), max, true);
                lo = Math.min(lo, curve.steps()[0]);
                hi = Math.max(hi, curve.steps()[curve.size() - 1]);
            }
        }
        if (lo < hi) {
            XYSeries s = c.addSeries("threshold", new double[] {lo, hi}, new double[] {bound, bound});
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            Charts.stroke(c, s, java.awt.Color.BLACK, true);
        }
        return c;
    }
}
