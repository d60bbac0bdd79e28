package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * Plots of whatever a run recorded that no dedicated plot shows, so a new analyzer's results appear
 * in reports without any change here:
 * <ul>
 *   <li>scalar metrics grouped by their first two name parts, a trailing index dropped where
 *       siblings differ only in it ({@code hessian.top1}, {@code hessian.top2.W2} share
 *       {@code hessian.top}),
 *       one chart per group over steps, on a log axis when every value is positive and they span
 *       more than two decades;</li>
 *   <li>series files: a few recorded steps on one chart; matrices: the last step as a heat map.</li>
 * </ul>
 * Metrics that never have a finite value, and groups beyond {@link #MAX_PLOTS}, are left out;
 * metrics that never change ({@link #constants}) are listed in a table instead.
 */
final class GenericPlots {
    /** The most generic plots per report. */
    static final int MAX_PLOTS = 60;

    private GenericPlots() {
    }

    /**
     * @param run the run
     * @param w where plots go
     * @param claimed names already shown elsewhere; not modified
     * @return the plots written
     */
    static List<Plot> write(RunData run, PlotWriter w, Set<String> claimed) {
        List<Plot> out = new ArrayList<>();
        for (Map.Entry<String, List<Curve>> g : groups(run, claimed).entrySet()) {
            if (out.size() >= MAX_PLOTS) {
                return out;
            }
            List<Curve> curves = g.getValue();
            boolean log = logWorthy(curves);
            out.add(w.write(g.getKey(), g.getKey(), "Recorded values of " + names(curves) + " over steps"
                    + (log ? ", log axis." : "."), max -> {
                    XYChart c = Charts.xy(g.getKey(), "step (iterations)", log ? "value (log scale)" : "value", false, log);
                    for (Curve k : curves) {
                        Charts.line(c, k.name(), k.x(), k.values(), max, true);
                    }
                    return c;
                }));
        }
        for (String metric : run.series().stream().map(SeriesFile::metric).distinct().toList()) {
            if (claimed.contains(metric) || out.size() >= MAX_PLOTS) {
                continue;
            }
            List<SeriesFile> files = run.series(metric);
            SeriesFile last = files.get(files.size() - 1);
            if (last.isSeries()) {
                List<SeriesFile> shown = Selection.steps(files, 5);
                out.add(w.write(metric, metric, "The series " + metric + " at " + shown.size() + " of its "
                        + files.size() + " recorded steps.", max -> {
                        XYChart c = Charts.xy(metric, "x", "y", false, false);
                        for (SeriesFile f : shown) {
                            double[][] xy = f.xy();
                            Charts.line(c, "step " + f.step(), xy[0], xy[1], max, false);
                        }
                        return c;
                    }));
            } else {
                double[][] z = last.matrix();
                out.add(w.write(metric + "-step" + last.step(), metric + " at step " + last.step(),
                        "The matrix " + metric + " at step " + last.step() + " as a heat map (row, column indices).",
                        max -> Charts.heat(metric + ", step " + last.step(), "column", "row",
                                SliceGrid.grid(0, Math.max(0, z.length == 0 ? 0 : z[0].length - 1),
                                        z.length == 0 ? 0 : z[0].length),
                                SliceGrid.grid(0, Math.max(0, z.length - 1), z.length), z)));
            }
        }
        return out;
    }

    /**
     * @param name a metric name, e.g. {@code hessian.top2.W2}
     * @return its base: the first two dot-separated parts ({@code hessian.top2}); a name with one
     *     part is its own base
     */
    static String base(String name) {
        int a = name.indexOf('.');
        int b = a < 0 ? -1 : name.indexOf('.', a + 1);
        return b < 0 ? name : name.substring(0, b);
    }

    /**
     * @param bases the bases of the metrics to plot
     * @param base one of them
     * @return its group: the base without a trailing index ({@code hessian.top2} gives
     *     {@code hessian.top}) when another base shares that stem with another index, else the base
     *     ({@code dynamics.rate_r2} stays itself)
     */
    static String group(java.util.Collection<String> bases, String base) {
        String stem = base.replaceFirst("_?\\d+$", "");
        if (stem.equals(base) || stem.endsWith(".")) {
            return base;
        }
        return bases.stream().anyMatch(o -> !o.equals(base) && o.replaceFirst("_?\\d+$", "").equals(stem)) ? stem : base;
    }

    /**
     * @param run the run
     * @param claimed names already shown elsewhere; not modified
     * @return the unclaimed metrics whose finite values are all the same (a setting recorded as a
     *     metric, such as {@code bounds.depth} or {@code ntk.points}, or one recorded once), with that
     *     value: listed in a table rather than drawn as flat lines
     */
    static Map<String, Double> constants(RunData run, Set<String> claimed) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String n : run.metrics().names()) {
            Curve f = run.metrics().get(n).finite();
            if (!claimed.contains(n) && f.size() > 0 && constant(f.values())) {
                out.put(n, f.values()[0]);
            }
        }
        return out;
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (Double.compare(x, v[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Curve>> groups(RunData run, Set<String> claimed) {
        Set<String> constants = constants(run, claimed).keySet();
        List<Curve> shown = run.metrics().names().stream().filter(n -> !claimed.contains(n) && !constants.contains(n))
                .map(n -> run.metrics().get(n)).filter(c -> c.finite().size() > 0).toList();
        java.util.Set<String> bases = new java.util.HashSet<>();
        shown.forEach(c -> bases.add(base(c.name())));
        Map<String, List<Curve>> out = new LinkedHashMap<>();
        for (Curve c : shown) {
            out.computeIfAbsent(group(bases, base(c.name())), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private static boolean logWorthy(List<Curve> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Curve c : curves) {
            Curve f = c.finite();
            if (!f.allPositive()) {
                return false;
            }
            for (double v : f.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > 100 * lo;
    }

    private static String names(List<Curve> curves) {
        List<String> n = curves.stream().map(Curve::name).toList();
        return n.size() <= 4 ? String.join(", ", n) : String.join(", ", n.subList(0, 4)) + " and " + (n.size() - 4) + " more";
    }
}
