package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * {@code loglinear metric=M from=S until=V r2=R [minPoints=K]}: linear convergence, the claim that a
 * loss falls linearly on a log scale (arXiv 1811.03962 B1, arXiv 2101.04243 A1). For every run,
 * {@code ln M} is fitted by least squares on the step over the recorded steps from {@code S} on, up
 * to the first value at or below {@code V} (below it the loss sits at float error, default 0 = none);
 * it holds when every run's fit has {@code R^2 >= R} (default 0.99), a negative slope, and at least
 * {@code K} points (default 5). A curve that plateaus bends on the log scale and fails on R^2, a curve
 * that stalls fails on the slope.
 */
final class LogLinearTest {
    private LogLinearTest() {
    }

    /**
     * One run's fitted window.
     *
     * @param steps the steps in the window
     * @param logs ln M there
     * @param fit the line, or {@code null} with fewer than two points
     */
    record Window(double[] steps, double[] logs, LineFit fit) {
    }

    /**
     * @param curve a curve
     * @param from the first step
     * @param until the floor (the window ends at the first value at or below it; 0 = none)
     * @return the window and its fit
     */
    static Window window(Curve curve, double from, double until) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            double v = curve.values()[i];
            if (curve.steps()[i] < from || !(v > 0) || !Double.isFinite(v)) {
                continue;
            }
            pts.add(new double[] {curve.steps()[i], Math.log(v)});
            if (v <= until) {
                break;
            }
        }
        double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
        return new Window(x, y, LineFit.of(x, y));
    }

    static Outcome evaluate(CheckTest t, List<RunData> runs) {
        String metric = t.text("metric");
        double from = t.number("from", 0);
        double until = t.number("until", 0);
        double r2 = t.number("r2", 0.99);
        int minPoints = (int) t.number("minPoints", 5);
        Verdict v = Verdict.HOLDS;
        double worst = Double.POSITIVE_INFINITY;
        double slowest = Double.NEGATIVE_INFINITY;
        double fastest = Double.POSITIVE_INFINITY;
        List<RunData> drawn = new ArrayList<>();
        for (RunData r : runs) {
            Curve c = RunValues.curve(r, metric);
            if (c == null) {
                return Outcome.notTestable("run " + r.id() + " recorded no " + metric);
            }
            Window w = window(c, from, until);
            if (w.fit() == null || w.fit().points() < minPoints) {
                v = Verdict.DOES_NOT_HOLD;
                worst = Double.NaN;
            } else {
                worst = Math.min(worst, w.fit().r2());
                slowest = Math.max(slowest, w.fit().slope());
                fastest = Math.min(fastest, w.fit().slope());
                if (w.fit().r2() < r2 || !(w.fit().slope() < 0)) {
                    v = Verdict.DOES_NOT_HOLD;
                }
            }
            drawn.add(r);
        }
        String numbers = String.format("ln %s linear in t from step %s: min R^2 %s over %d run%s (threshold >= %s),"
                        + " slopes %s to %s per step", metric, Format.number(from), Format.number(worst), runs.size(),
                runs.size() == 1 ? "" : "s", Format.number(r2), Format.number(fastest), Format.number(slowest));
        return new Outcome(v, numbers, max -> chart(metric, from, until, drawn, max));
    }

    private static XYChart chart(String metric, double from, double until, List<RunData> runs, int max) {
        XYChart c = Charts.xy(metric + " against the step", "step t", metric, false, true);
        for (RunData r : runs) {
            Curve curve = RunValues.curve(r, metric);
            XYSeries s = Charts.line(c, RunValues.name(r), curve.x(), curve.values(), max, true);
            Window w = window(curve, from, until);
            if (s != null && w.fit() != null) {
                double a = w.steps()[0];
                double b = w.steps()[w.steps().length - 1];
                XYSeries f = c.addSeries(s.getName() + " fit", new double[] {a, b},
                        new double[] {Math.exp(w.fit().intercept() + w.fit().slope() * a),
                            Math.exp(w.fit().intercept() + w.fit().slope() * b)});
                f.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                Charts.stroke(c, f, java.awt.Color.BLACK, true);
                f.setShowInLegend(false);
            }
        }
        return c;
    }
}
