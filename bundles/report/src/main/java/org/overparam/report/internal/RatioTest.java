package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * {@code ratio metric=M by=KEY num=A den=B in=[lo,hi] [per=KEY2] [sqrt=X]}: two groups of runs, those
 * whose spec has {@code KEY = A} and {@code KEY = B}, compared through the ratio of the means over
 * their runs (the seeds) of {@code M}'s final value; with {@code per}, one ratio for every value of
 * {@code KEY2} (a width sweep), and every one of them must lie in {@code [lo, hi]}. With
 * {@code sqrt=X} the ratio is divided by the square root of {@code X} (a spec key or
 * {@code metric:NAME}, averaged over the two groups' runs): "the momentum slope is about sqrt(kappa)
 * times GD's" (arXiv 2107.01832 E1) is {@code ratio metric=-dynamics.log_rate by=optimizer.name
 * num=nesterov den=gd sqrt=metric:ntk.condition in=[0.5,2]}.
 */
final class RatioTest {
    private RatioTest() {
    }

    static Outcome evaluate(CheckTest t, List<RunData> runs) {
        String metric = t.text("metric");
        String by = t.text("by");
        String num = t.text("num");
        String den = t.text("den");
        double[] in = t.interval("in");
        String per = t.params().get("per");
        String sqrt = t.params().get("sqrt");
        Map<String, List<RunData>> groups = new TreeMap<>(RatioTest::compare);
        for (RunData r : runs) {
            groups.computeIfAbsent(per == null ? "all" : String.valueOf(RunValues.spec(r, per)), k -> new ArrayList<>()).add(r);
        }
        boolean holds = true;
        List<String> parts = new ArrayList<>();
        Map<String, double[]> means = new TreeMap<>(RatioTest::compare);
        for (Map.Entry<String, List<RunData>> g : groups.entrySet()) {
            List<RunData> a = RunValues.where(g.getValue(), by + ":" + num);
            List<RunData> b = RunValues.where(g.getValue(), by + ":" + den);
            if (a.isEmpty() || b.isEmpty()) {
                return Outcome.notTestable("no finished run with " + by + " = " + (a.isEmpty() ? num : den)
                        + (per == null ? "" : " at " + per + " = " + g.getKey()));
            }
            double ma = mean(a, metric);
            double mb = mean(b, metric);
            double ratio = ma / mb;
            String shown = "";
            if (sqrt != null) {
                List<RunData> both = new ArrayList<>(a);
                both.addAll(b);
                double scale = Math.sqrt(both.stream().mapToDouble(r -> RunValues.x(r, sqrt)).average().orElse(Double.NaN));
                ratio /= scale;
                shown = " (ratio " + Format.number(ma / mb) + ", sqrt " + Format.number(scale) + ")";
            }
            means.put(g.getKey(), new double[] {ma, mb});
            boolean ok = ratio >= in[0] && ratio <= in[1];
            holds &= ok;
            parts.add((per == null ? "" : per + "=" + g.getKey() + ": ") + Format.number(ratio) + shown);
        }
        if (means.values().stream().anyMatch(m -> Double.isNaN(m[0] / m[1]))) {
            return Outcome.notTestable("the runs recorded no finite " + metric);
        }
        String numbers = String.format("mean %s, %s=%s over %s=%s%s: %s (threshold in [%s, %s])", metric, by, num, by, den,
                sqrt == null ? "" : " divided by sqrt(" + sqrt + ")", String.join("; ", parts),
                Format.number(in[0]), Format.number(in[1]));
        return new Outcome(holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, numbers,
                max -> chart(metric, by, num, den, per, means));
    }

    private static double mean(List<RunData> runs, String metric) {
        return runs.stream().mapToDouble(r -> RunValues.last(r, metric)).average().orElse(Double.NaN);
    }

    /** Orders numbers numerically, anything else as text after them. */
    private static int compare(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static XYChart chart(String metric, String by, String num, String den, String per, Map<String, double[]> means) {
        boolean numeric = per != null && means.keySet().stream().allMatch(k -> k.matches("-?[0-9.eE+-]+"));
        boolean positive = means.values().stream().allMatch(m -> m[0] > 0 && m[1] > 0);
        XYChart c = Charts.xy(metric + ": " + by + " = " + num + " against " + den,
                numeric ? per : "group", "mean " + metric, numeric && positive, positive);
        double[] x = new double[means.size()];
        double[] ya = new double[x.length];
        double[] yb = new double[x.length];
        int i = 0;
        for (Map.Entry<String, double[]> e : means.entrySet()) {
            x[i] = numeric ? Double.parseDouble(e.getKey()) : i + 1;
            ya[i] = e.getValue()[0];
            yb[i++] = e.getValue()[1];
        }
        XYSeries a = Charts.line(c, by + " = " + num, x, ya, Integer.MAX_VALUE, false);
        Charts.line(c, by + " = " + den, x, yb, Integer.MAX_VALUE, false);
        if (a != null && x.length > 1) {
            Charts.endAtData(c, x[0], x[x.length - 1]);
        }
        return c;
    }
}
