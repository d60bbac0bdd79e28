package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * The NTK and weight plots of one run, for the analyzers {@code ntk} and {@code dynamics} under
 * whatever labels the spec gives them:
 * <ul>
 *   <li>the NTK Gram's smallest and largest eigenvalues over time (log axis; {@code lambda_min}
 *       bounded away from 0 is what the convergence proofs need) and its relative movement
 *       {@code ||K_t - K_0||_F / ||K_0||_F};</li>
 *   <li>the relative weight movement {@code ||W_t - W_0||_F / ||W_0||_F}, overall and per block
 *       (arXiv 1811.03962, B2), and the fraction of flipped ReLU patterns (B3);</li>
 *   <li>per-node movement {@code ||w_j - w_j^0||^2}, nodes sorted by it, at a few steps, and
 *       against the node weight {@code lambda_j} under asymmetrical scaling (arXiv 2302.01002).</li>
 * </ul>
 */
final class KernelAndWeightPlots {
    private static final String STEP = "step (iterations)";

    private KernelAndWeightPlots() {
    }

    /**
     * @param run the run
     * @param w where plots go
     * @param claimed metric and series names shown here are added
     * @return the plots written
     */
    static List<Plot> write(RunData run, PlotWriter w, Set<String> claimed) {
        List<Plot> out = new ArrayList<>();
        for (String label : run.labelsOf("ntk")) {
            List<Curve> eig = present(run, label + ".lambda_min", label + ".lambda_max");
            if (!eig.isEmpty()) {
                out.add(w.write(label + "-eigenvalues", "NTK eigenvalues (" + label + ")",
                        "Smallest and largest eigenvalue of the empirical NTK Gram matrix K_t on the analyzer's points, "
                        + "log axis labelled between the powers of ten; the legend gives each one's last value. Linear "
                        + "convergence needs lambda_min bounded away from 0.", eigenvalues(eig, claimed)));
            }
            List<Curve> move = present(run, label + ".movement");
            if (!move.isEmpty()) {
                out.add(w.write(label + "-movement", "NTK movement (" + label + ")",
                        "Relative change of the NTK Gram matrix since initialization, ||K_t - K_0||_F / ||K_0||_F "
                        + "(dimensionless). Near 0 in the kernel regime; larger when features are learned.",
                        curves("NTK movement", "||K_t - K_0|| / ||K_0||", move, false, claimed)));
            }
        }
        for (String label : run.labelsOf("dynamics")) {
            List<Curve> move = family(run, label + ".movement");
            if (!move.isEmpty()) {
                out.add(w.write(label + "-movement", "Weight movement (" + label + ")",
                        "Relative weight movement ||W_t - W_0||_F / ||W_0||_F, overall and per block (dimensionless). "
                        + "arXiv 1811.03962 (B2): it falls about as m^-1/2 as the width m grows.",
                        curves("Relative weight movement", "||W_t - W_0|| / ||W_0||", move, false, claimed)));
            }
            List<Curve> flip = family(run, label + ".flip");
            if (!flip.isEmpty()) {
                out.add(w.write(label + "-flips", "Flipped ReLU patterns (" + label + ")",
                        "Fraction of ReLU activation patterns (sample x unit) that differ from initialization, overall and "
                        + "per layer. arXiv 1811.03962 (B3): it falls as the width grows.",
                        curves("Flipped activation patterns", "fraction flipped", flip, false, claimed)));
            }
            out.addAll(nodes(run, label, w, claimed));
        }
        return out;
    }

    private static List<Plot> nodes(RunData run, String label, PlotWriter w, Set<String> claimed) {
        List<Plot> out = new ArrayList<>();
        for (String metric : metricsOfSeries(run, label + ".node_movement.")) {
            List<SeriesFile> files = Selection.steps(run.series(metric), 5);
            claimed.add(metric);
            String block = metric.substring((label + ".node_movement.").length());
            out.add(w.write(metric, "Per-node movement, block " + block + " (" + label + ")",
                    "Squared movement ||w_j - w_j^0||^2 of each node (row) of " + block + ", nodes sorted from most to "
                    + "least moved, at " + files.size() + " analysis steps; log axes. A steep head means few nodes "
                    + "carry the movement.", max -> {
                    XYChart c = Charts.xy("Per-node movement, " + block, "node rank (1 = moved most, log scale)",
                            "||w_j - w_j^0||^2 (log scale)", true, true);
                    for (SeriesFile f : files) {
                        double[] y = f.xy()[1].clone();
                        Arrays.sort(y);
                        double[] x = new double[y.length];
                        for (int i = 0; i < y.length; i++) {
                            x[i] = i + 1;
                        }
                        reverse(y);
                        Charts.line(c, "step " + f.step(), x, y, max, true);
                    }
                    return c;
                }));
        }
        for (String metric : metricsOfSeries(run, label + ".node_movement_vs_lambda.")) {
            List<SeriesFile> files = run.series(metric);
            claimed.add(metric);
            SeriesFile last = files.get(files.size() - 1);
            String block = metric.substring((label + ".node_movement_vs_lambda.").length());
            out.add(w.write(metric, "Per-node movement against lambda_j, block " + block + " (" + label + ")",
                    "Squared movement ||w_j - w_j^0||^2 of each node of " + block + " against its node weight lambda_j "
                    + "(asymmetrical node scaling, arXiv 2302.01002) at step " + last.step() + "; log axes. "
                    + "Caron et al. expect the movement to concentrate on large-lambda nodes.", max -> {
                    XYChart c = Charts.xy("Node movement vs lambda_j, " + block, "lambda_j (log scale)",
                            "||w_j - w_j^0||^2 (log scale)", true, true);
                    c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                    double[][] xy = last.xy();
                    org.knowm.xchart.XYSeries s = Charts.line(c, "step " + last.step(), xy[0], xy[1], max, false);
                    if (s != null) {
                        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                        c.getStyler().setMarkerSize(4);
                    }
                    return c;
                }));
        }
        return out;
    }

    /**
     * @param title the chart title
     * @param yTitle the y axis title
     * @param curves the metrics over steps
     * @param logY a log y axis
     * @param claimed their names are added
     * @return the figure
     */
    static Figure curves(String title, String yTitle, List<Curve> curves, boolean logY, Set<String> claimed) {
        curves.forEach(c -> claimed.add(c.name()));
        return max -> {
            XYChart c = Charts.xy(title, STEP, yTitle, false, logY);
            for (Curve k : curves) {
                Charts.line(c, k.name(), k.x(), k.values(), max, true);
            }
            return c;
        };
    }

    /**
     * The eigenvalue chart: each curve named with its last finite value, and the log y axis labelled
     * at 2, 3, ... 9 times each power of ten when it spans at most four decades, so lambda_min can be
     * read off the axis.
     */
    static Figure eigenvalues(List<Curve> curves, Set<String> claimed) {
        curves.forEach(c -> claimed.add(c.name()));
        return max -> {
            XYChart c = Charts.xy("NTK Gram eigenvalues", STEP, "eigenvalue (log scale)", false, true);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (Curve k : curves) {
                Curve p = k.positive();
                double last = p.size() == 0 ? Double.NaN : p.last();
                Charts.line(c, k.name() + " (last " + Format.number(last) + ")", k.x(), k.values(), max, true);
                for (double v : p.values()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo > 0 && Charts.decadesWithin(lo, hi) <= 4) {
                c.getStyler().setYAxisLogarithmicDecadeOnly(false);
            }
            return c;
        };
    }

    /** @return the named metrics that exist and have a finite value */
    static List<Curve> present(RunData run, String... names) {
        List<Curve> out = new ArrayList<>();
        for (String n : names) {
            Curve c = run.metrics().get(n);
            if (c != null && c.finite().size() > 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return {@code base} and every {@code base.<part>} metric with a finite value, base first */
    static List<Curve> family(RunData run, String base) {
        List<String> names = new ArrayList<>();
        names.add(base);
        run.metrics().names().stream().filter(n -> n.startsWith(base + ".")).sorted().forEach(names::add);
        return present(run, names.toArray(new String[0]));
    }

    private static List<String> metricsOfSeries(RunData run, String prefix) {
        return run.series().stream().map(SeriesFile::metric).filter(m -> m.startsWith(prefix)).distinct()
                .filter(m -> run.series(m).stream().anyMatch(SeriesFile::isSeries)).toList();
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
