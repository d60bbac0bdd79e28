package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * {@code exponent metric=M x=X in=[lo,hi]}: a power law {@code M ~ X^b}. For every seed, {@code b} is
 * the least-squares slope of {@code ln M} (final value) on {@code ln X} over that seed's runs;
 * the claim holds when the mean of {@code b} over the seeds lies in {@code [lo, hi]}; the seeds'
 * sample standard deviation is the error bar reported beside it. {@code X} is a spec key
 * ({@code architecture.width}) or {@code metric:NAME}, a metric's first recorded value (the NTK's
 * condition number at initialization). E.g. weight movement ~ m^-1/2 (arXiv 1811.03962 B2): in=[-0.65,-0.35];
 * "falls with m": in=[-inf,0).
 */
final class ExponentTest {
    private ExponentTest() {
    }

    /**
     * @param points {x, y} pairs of one seed
     * @return the fitted exponent, NaN with fewer than two distinct x or a value not above zero
     */
    static double exponent(List<double[]> points) {
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
                return Double.NaN;
            }
        }
        LineFit f = LineFit.logLog(x, y);
        return f == null ? Double.NaN : f.slope();
    }

    static Outcome evaluate(CheckTest t, List<RunData> runs) {
        String metric = t.text("metric");
        String xKey = t.text("x");
        Interval in = t.interval("in");
        Map<Long, List<double[]>> bySeed = bySeed(runs, metric, xKey);
        List<Double> exponents = new ArrayList<>();
        for (List<double[]> pts : bySeed.values()) {
            double b = exponent(pts);
            if (Double.isNaN(b)) {
                return Outcome.notTestable("the runs of a seed give no exponent of " + metric + " against " + xKey
                        + " (fewer than two distinct " + xKey + ", or a value not above zero)");
            }
            exponents.add(b);
        }
        SeedStats s = SeedStats.of(exponents.stream().mapToDouble(Double::doubleValue).toArray());
        boolean holds = in.contains(s.mean());
        String numbers = String.format("%s ~ %s^b: b = %s ± %s over %d seed%s (threshold b in %s)", metric, xKey,
                Format.number(s.mean()), Format.number(s.std()), s.n(), s.n() == 1 ? "" : "s",
                in.text());
        return new Outcome(holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, numbers,
                max -> chart(metric, xKey, bySeed, s.mean()));
    }

    /** @return per seed, the {x, final metric} points of its runs, sorted by seed */
    static Map<Long, List<double[]>> bySeed(List<RunData> runs, String metric, String xKey) {
        Map<Long, List<double[]>> out = new TreeMap<>();
        for (RunData r : runs) {
            out.computeIfAbsent(r.seed(), k -> new ArrayList<>())
                    .add(new double[] {RunValues.x(r, xKey), RunValues.last(r, metric)});
        }
        return out;
    }

    private static XYChart chart(String metric, String xKey, Map<Long, List<double[]>> bySeed, double b) {
        XYChart c = Charts.xy(metric + " against " + xKey, xKey, metric, true, true);
        Map<Double, List<Double>> byX = new TreeMap<>();
        bySeed.values().forEach(pts -> pts.forEach(p -> byX.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1])));
        double[] x = new double[byX.size()];
        double[] mid = new double[x.length];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byX.entrySet()) {
            double[] sp = SeedStats.logSpread(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            x[i] = e.getKey();
            mid[i] = sp == null ? Double.NaN : sp[0];
            lo[i] = sp == null ? Double.NaN : sp[1];
            hi[i++] = sp == null ? Double.NaN : sp[2];
        }
        XYSeries s = Charts.line(c, "geometric mean over seeds", x, mid, Integer.MAX_VALUE, false);
        if (s != null) {
            Charts.bars(c, s, x, lo, hi);
            if (Double.isFinite(b) && x.length > 1 && mid[0] > 0) {
                XYSeries f = c.addSeries("fitted slope " + Format.number(b), new double[] {x[0], x[x.length - 1]},
                        new double[] {mid[0], mid[0] * Math.pow(x[x.length - 1] / x[0], b)});
                f.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                Charts.stroke(c, f, java.awt.Color.BLACK, true);
            }
            Charts.endAtData(c, x[0], x[x.length - 1]);
        }
        return c;
    }
}
