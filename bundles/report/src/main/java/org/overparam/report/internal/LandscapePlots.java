package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * The landscape plots of one run, for the analyzers {@code slices} and {@code hessian}:
 * <ul>
 *   <li>{@code random2d}: the loss on a plane of two filter-normalized random directions through
 *       the current point (Li et al., arXiv 1712.09913), drawn as contour lines (computed by
 *       {@link Contours}, drawn by XChart) and as a heat map with a colour scale, at the first and
 *       last recorded steps;</li>
 *   <li>{@code random1d} and {@code interpolation}: the loss along a random line and along the line
 *       from initialization (alpha = 0) to the current point (alpha = 1), at a few steps;</li>
 *   <li>{@code density}: the Hessian's spectral density by stochastic Lanczos quadrature
 *       (arXiv 1901.10159), whole net and per block, at a few steps, log axis.</li>
 * </ul>
 */
final class LandscapePlots {
    /** Contour levels of a loss surface. */
    private static final int CONTOUR_LEVELS = 12;

    private LandscapePlots() {
    }

    /**
     * @param run the run
     * @param w where plots go
     * @param claimed series names shown here are added
     * @return the plots written
     */
    static List<Plot> write(RunData run, PlotWriter w, Set<String> claimed) {
        List<Plot> out = new ArrayList<>();
        for (String label : run.labelsOf("slices")) {
            double range = run.analyzer(label).path("range").asDouble(1.0);
            String surface = label + ".random2d";
            List<SeriesFile> planes = run.series(surface);
            if (!planes.isEmpty()) {
                claimed.add(surface);
                List<SeriesFile> ends = planes.size() == 1 ? planes : List.of(planes.get(0), planes.get(planes.size() - 1));
                for (SeriesFile f : ends) {
                    double[][] raw = f.matrix();
                    boolean log = spansDecades(raw);
                    double[][] z = log ? log10(raw) : raw;
                    double[] a = SliceGrid.grid(-range, range, z.length);
                    double[] b = SliceGrid.grid(-range, range, z.length == 0 ? 0 : z[0].length);
                    String what = log ? "log10 training loss" : "Training loss";
                    out.add(w.write(surface + "-contour-step" + f.step(), "Loss contours at step " + f.step() + " ("
                            + label + ")", "Contour lines of the training loss F(w + alpha d1 + beta d2) on a plane of two "
                            + "filter-normalized random directions through the weights at step " + f.step() + " (Li et al., "
                            + "arXiv 1712.09913), " + CONTOUR_LEVELS + " levels evenly spaced in " + (log ? "log10 of the loss"
                            : "the loss") + " (legend), low blue to high red; + marks the current point.",
                            max -> ContourChart.of(what + " contours on a random plane, step " + f.step(),
                                    "beta (direction d2)", "alpha (direction d1)", b, a, z, CONTOUR_LEVELS)));
                    out.add(w.write(surface + "-step" + f.step(), "Loss surface at step " + f.step() + " (" + label + ")",
                            "The same plane as a heat map with its colour scale (" + (log ? "log10 of the loss" : "the loss")
                            + "). Centre = the current point.",
                            max -> Charts.heat(what + " on a random plane, step " + f.step(), "beta (direction d2)",
                                    "alpha (direction d1)", b, a, z)));
                }
            }
            out.addAll(lines(run, w, claimed, label + ".random1d", "Loss along a random direction (" + label + ")",
                    "alpha (filter-normalized units)", false,
                    "Training loss F(w + alpha d1) along a filter-normalized random direction through the current point, "
                    + "at a few analysis steps."));
            out.addAll(lines(run, w, claimed, label + ".interpolation", "Loss from initialization (" + label + ")",
                    "alpha (0 = initial weights, 1 = current weights)", false,
                    "Training loss on the line w_0 + alpha (w_t - w_0) at a few analysis steps (Goodfellow et al., "
                    + "arXiv 1412.6544). A curve below its chord between alpha = 0 and 1 is a convex path."));
        }
        for (String label : run.labelsOf("hessian")) {
            List<String> densities = run.series().stream().map(SeriesFile::metric)
                    .filter(m -> m.equals(label + ".density") || m.startsWith(label + ".density.")).distinct().toList();
            for (String metric : densities) {
                String block = metric.length() > (label + ".density").length()
                        ? " of block " + metric.substring((label + ".density.").length()) : "";
                out.addAll(lines(run, w, claimed, metric, "Hessian spectral density" + block + " (" + label + ")",
                        "eigenvalue of the Hessian", true,
                        "Spectral density of the Hessian of the training loss" + block + " by stochastic Lanczos "
                        + "quadrature, Gaussian-broadened (arXiv 1901.10159); it integrates to 1. Log axis, floored at "
                        + "1e-6 of the peak: the bulk near 0 and the few outliers show together."));
            }
        }
        return out;
    }

    /** @return whether every value is positive and the largest exceeds 100 times the smallest */
    static boolean spansDecades(double[][] z) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] row : z) {
            for (double v : row) {
                if (!(v > 0)) {
                    return false;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > 100 * lo;
    }

    private static double[][] log10(double[][] z) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                out[i][j] = Math.log10(z[i][j]);
            }
        }
        return out;
    }

    /** Raises the values of a density below {@code 1e-6} of its peak to that floor, so a log axis shows the bulk. */
    private static double[][] clip(double[][] xy) {
        double peak = 0;
        for (double v : xy[1]) {
            peak = Math.max(peak, v);
        }
        double[] y = xy[1].clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(y[i], peak * 1e-6);
        }
        return new double[][] {xy[0], y};
    }

    private static List<Plot> lines(RunData run, PlotWriter w, Set<String> claimed, String metric, String title,
                                    String xTitle, boolean logY, String caption) {
        List<SeriesFile> files = run.series(metric).stream().filter(SeriesFile::isSeries).toList();
        if (files.isEmpty()) {
            return List.of();
        }
        claimed.add(metric);
        List<SeriesFile> shown = Selection.steps(files, 5);
        return List.of(w.write(metric, title, caption, max -> {
            XYChart c = Charts.xy(title, xTitle, logY ? "density (log scale)" : "training loss", false, logY);
            for (SeriesFile f : shown) {
                double[][] xy = logY ? clip(f.xy()) : f.xy();
                Charts.line(c, "step " + f.step(), xy[0], xy[1], max, false);
            }
            return c;
        }));
    }
}
