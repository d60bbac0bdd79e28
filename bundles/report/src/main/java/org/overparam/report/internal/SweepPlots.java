package org.overparam.report.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a sweep: final metrics against the width, one line per combination of the other
 * varying keys, with the seeds' spread as bars: for positive metrics on log-log axes, summarized in
 * log space (geometric mean, bars exp(mean ± sd) of the log: never below zero), so a power law is a
 * straight line (weight movement ~ m^-1/2 in arXiv 1811.03962, B2, drawn dashed for reference);
 * otherwise mean ± sample standard deviation on a linear y axis. The fitted rate is shown as
 * {@code 1 - rate}, the fraction of the loss removed per step, on a log axis where its variation
 * shows. X axes end at the narrowest and widest points. Also the training loss of each sweep point,
 * mean over its seeds, on a log axis.
 */
final class SweepPlots {
    private SweepPlots() {
    }

    /**
     * @param sweep the sweep
     * @param w where plots go
     * @return the plots written
     */
    static List<Plot> write(Sweep sweep, PlotWriter w) {
        List<Plot> out = new ArrayList<>();
        RunData first = sweep.runs().get(0);
        if (sweep.hasWidths()) {
            out.add(vsWidth(sweep, w, LossPlots.LOSS, "Final training loss", "final training loss",
                    "Training loss at the end of each run against the width m.", false));
            for (String label : first.labelsOf("dynamics")) {
                out.add(vsWidth(sweep, w, label + ".movement", "Weight movement against width",
                        "||W_T - W_0|| / ||W_0||", "Relative weight movement at the end of training against the width m "
                        + "(arXiv 1811.03962, B2). Dashed: the slope m^-1/2 through the narrowest point.", true));
                out.add(vsWidth(sweep, w, label + ".flip", "Flipped ReLU patterns against width", "fraction flipped",
                        "Fraction of ReLU patterns flipped since initialization at the end of training against the "
                        + "width m (arXiv 1811.03962, B3).", false));
                out.add(vsWidth(sweep, w, label + ".rate", r -> 1 - r, "1 - " + label + ".rate",
                        "Loss decrease per step against width", "1 - rate (fraction of the loss removed per step)",
                        "One minus the dynamics analyzer's fitted loss rate exp(slope of ln F) at the end of training: the "
                        + "fraction of the loss removed per step, higher is faster (a rate of 0.964 shows as 0.036).",
                        false));
            }
            for (String label : first.labelsOf("ntk")) {
                out.add(vsWidth(sweep, w, label + ".lambda_min", "NTK lambda_min against width", "lambda_min",
                        "Smallest eigenvalue of the empirical NTK Gram matrix at the end of training against the width.",
                        false));
                out.add(vsWidth(sweep, w, label + ".movement", "NTK movement against width", "||K_T - K_0|| / ||K_0||",
                        "Relative movement of the NTK Gram matrix at the end of training against the width.", false));
            }
            for (String label : first.labelsOf("kernel")) {
                out.add(vsWidth(sweep, w, label + ".distance", "Empirical NTK against the infinite-width NTK",
                        "||Theta_emp - Theta_inf||_F / ||Theta_inf||_F", "Relative distance between the empirical NTK "
                        + "at the end of each run and the analytic infinite-width NTK against the width m; it falls "
                        + "like m^-1/2 (Jacot et al., arXiv 1806.07572). Dashed: the slope m^-1/2 through the narrowest "
                        + "point.", true));
            }
        }
        out.add(losses(sweep, w));
        return out;
    }

    private static Plot vsWidth(Sweep sweep, PlotWriter w, String metric, String title, String yTitle, String caption,
                                boolean reference) {
        return vsWidth(sweep, w, metric, DoubleUnaryOperator.identity(), metric, title, yTitle, caption, reference);
    }

    /**
     * A final metric against the width, one line per sweep line. When every value is above zero the
     * y axis is logarithmic and the seeds are summarized in log space ({@link SeedStats#logSpread}:
     * geometric mean, bar exp(mean ± sd) of ln value, never below zero); otherwise a linear axis with
     * mean ± sample standard deviation. The x axis ends at the narrowest and widest points.
     */
    private static Plot vsWidth(Sweep sweep, PlotWriter w, String metric, DoubleUnaryOperator transform, String shown,
                                String title, String yTitle, String caption, boolean reference) {
        List<List<double[]>> lines = new ArrayList<>();
        boolean log = true;
        for (String line : sweep.lines()) {
            List<double[]> data = new ArrayList<>();
            for (SweepPoint p : sweep.line(line)) {
                double[] v = p.finals(metric, transform);
                SeedStats s = SeedStats.of(v);
                if (!Double.isNaN(p.width()) && s.n() > 0) {
                    double[] spread = SeedStats.logSpread(v);
                    log &= spread != null;
                    data.add(spread == null ? new double[] {p.width(), s.mean(), s.mean() - s.std(), s.mean() + s.std()}
                            : new double[] {p.width(), spread[0], spread[1], spread[2]});
                }
            }
            lines.add(data);
        }
        if (lines.stream().allMatch(List::isEmpty)) {
            return null;
        }
        boolean logY = log;
        if (!logY) {
            for (int i = 0; i < sweep.lines().size(); i++) {
                int k = 0;
                for (SweepPoint p : sweep.line(sweep.lines().get(i))) {
                    double[] v = p.finals(metric, transform);
                    SeedStats s = SeedStats.of(v);
                    if (!Double.isNaN(p.width()) && s.n() > 0) {
                        lines.get(i).set(k++, new double[] {p.width(), s.mean(), s.mean() - s.std(), s.mean() + s.std()});
                    }
                }
            }
        }
        String name = (shown.startsWith("1 - ") ? "one-minus-" + shown.substring(4) : shown).replace('.', '-')
                + "-vs-width";
        return w.write(name, title + " (" + shown + ")", caption + (logY
                ? " Geometric mean over seeds; bars from exp(m - s) to exp(m + s), m and s the mean and sample standard "
                + "deviation of the log over seeds; log-log axes."
                : " Mean ± sample standard deviation over seeds; log width axis."), max -> {
                XYChart c = Charts.xy(title, "width m (units per hidden layer, log scale)",
                        yTitle + (logY ? " (log scale)" : ""), true, logY);
                List<String> names = sweep.lines();
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < names.size(); i++) {
                    List<double[]> data = lines.get(i);
                    if (data.isEmpty()) {
                        continue;
                    }
                    double[] x = column(data, 0);
                    double[] y = column(data, 1);
                    XYSeries s = c.addSeries(Charts.unique(c, names.get(i).isEmpty() ? shown : names.get(i)), x, y);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    Charts.bars(c, s, x, column(data, 2), column(data, 3));
                    for (double v : x) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    if (reference && i == 0 && x.length >= 2 && y[0] > 0) {
                        double[] r = new double[x.length];
                        for (int k = 0; k < x.length; k++) {
                            r[k] = y[0] * Math.sqrt(x[0] / x[k]);
                        }
                        XYSeries ref = c.addSeries("slope m^-1/2", x, r);
                        Charts.stroke(c, ref, Color.GRAY, true);
                        ref.setMarker(SeriesMarkers.NONE);
                    }
                }
                Charts.endAtData(c, lo, hi);
                return c;
            });
    }

    private static Plot losses(Sweep sweep, PlotWriter w) {
        return w.write("train-loss-by-point", "Training loss of each sweep point",
                "Training loss per step, mean over the seeds of each sweep point (over the steps all its runs reached), "
                + "log axis; a straight line is linear convergence.", max -> {
                XYChart c = Charts.xy("Training loss, mean over seeds", "step (iterations)", "loss (log scale)", false, true);
                for (SweepPoint p : sweep.points()) {
                    Curve mean = meanLoss(p.finished().isEmpty() ? p.runs() : p.finished());
                    if (mean != null) {
                        Charts.line(c, p.label() + " (" + p.runs().size() + " seeds)", mean.x(), mean.values(), max, true);
                    }
                }
                return c;
            });
    }

    /**
     * @param runs runs with a {@code train.loss} each recorded at steps 0, 1, 2, ...
     * @return the mean over the runs at each index their curves all reach, or {@code null}
     */
    static Curve meanLoss(List<RunData> runs) {
        List<Curve> curves = runs.stream().map(r -> r.metrics().get(LossPlots.LOSS)).filter(c -> c != null).toList();
        if (curves.isEmpty()) {
            return null;
        }
        int n = curves.stream().mapToInt(Curve::size).min().orElse(0);
        long[] steps = new long[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = curves.get(0).steps()[i];
            for (Curve c : curves) {
                mean[i] += c.values()[i] / curves.size();
            }
        }
        return new Curve(LossPlots.LOSS, steps, mean);
    }

    private static double[] column(List<double[]> rows, int j) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[j];
        }
        return out;
    }
}
