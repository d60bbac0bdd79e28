package org.overparam.report.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a sweep: final metrics against the width, mean ± sample standard deviation over the
 * seeds as error bars, one line per combination of the other varying keys (log-log axes where every
 * bar stays above zero, so a power law is a straight line: weight movement ~ m^-1/2 in arXiv
 * 1811.03962, B2, drawn dashed for reference); and the training loss of each sweep point, mean
 * over its seeds, on a log axis.
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
                out.add(vsWidth(sweep, w, label + ".rate", "Fitted rate against width", "rate per step",
                        "The dynamics analyzer's fitted loss rate exp(slope of ln F) at the end of training: lower is "
                        + "faster.", false));
            }
            for (String label : first.labelsOf("ntk")) {
                out.add(vsWidth(sweep, w, label + ".lambda_min", "NTK lambda_min against width", "lambda_min",
                        "Smallest eigenvalue of the empirical NTK Gram matrix at the end of training against the width.",
                        false));
                out.add(vsWidth(sweep, w, label + ".movement", "NTK movement against width", "||K_T - K_0|| / ||K_0||",
                        "Relative movement of the NTK Gram matrix at the end of training against the width.", false));
            }
        }
        out.add(losses(sweep, w));
        return out;
    }

    private static Plot vsWidth(Sweep sweep, PlotWriter w, String metric, String title, String yTitle, String caption,
                                boolean reference) {
        List<List<double[]>> lines = new ArrayList<>();
        boolean log = true;
        for (String line : sweep.lines()) {
            List<double[]> data = new ArrayList<>();
            for (SweepPoint p : sweep.line(line)) {
                SeedStats s = p.stats(metric);
                if (!Double.isNaN(p.width()) && s.n() > 0) {
                    data.add(new double[] {p.width(), s.mean(), s.std()});
                    log &= s.mean() - s.std() > 0;
                }
            }
            lines.add(data);
        }
        if (lines.stream().allMatch(List::isEmpty)) {
            return null;
        }
        boolean logY = log;
        String name = metric.replace('.', '-') + "-vs-width";
        return w.write(name, title + " (" + metric + ")", caption + " Mean ± sample standard deviation over seeds"
                + (logY ? "; log-log axes." : "; log width axis."), max -> {
                XYChart c = Charts.xy(title, "width m (units per hidden layer, log scale)",
                        yTitle + (logY ? " (log scale)" : ""), true, logY);
                List<String> names = sweep.lines();
                for (int i = 0; i < names.size(); i++) {
                    List<double[]> data = lines.get(i);
                    if (data.isEmpty()) {
                        continue;
                    }
                    double[] x = column(data, 0);
                    double[] y = column(data, 1);
                    double[] e = column(data, 2);
                    XYSeries s = c.addSeries(names.get(i).isEmpty() ? metric : names.get(i), x, y, e);
                    s.setMarker(SeriesMarkers.CIRCLE);
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
