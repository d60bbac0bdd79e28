package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;

/**
 * {@code ratio metric=M num=K:A den=K:B in=[lo,hi] [per=KEY] [sqrt=X] [budget=COST]}: two groups of
 * runs, those whose spec matches the conditions {@code num} and those matching {@code den} (each
 * {@code KEY:VALUE}, several joined by {@code ,}), compared through the ratio of the means over their
 * runs (the seeds) of {@code M}'s final value. With {@code per}, one ratio for every value of that key
 * (a width sweep), and every one of them must lie in {@code [lo, hi]}. With {@code sqrt=X} the ratio is
 * divided by the square root of {@code X} (a spec key or {@code metric:NAME}, averaged over both groups'
 * runs): "the momentum slope is about sqrt(kappa) times GD's" (arXiv 2107.01832 E1). With
 * {@code budget=COST} (e.g. {@code train.sample_gradients}) {@code M} is read when the runs had spent the
 * same cost, the least any of them spent in total ({@link RunValues#atBudget}): "at equal gradient
 * evaluations" (arXiv 2210.12001 D2). The figure draws the two groups' means against {@code per}; with
 * {@code figure=METRIC} instead that metric's curve against the step for every run of both groups (the
 * losses whose slopes E1 compares).
 */
final class RatioTest {
    private RatioTest() {
    }

    static Outcome evaluate(CheckTest t, List<RunData> runs) {
        String metric = t.text("metric");
        String num = t.text("num");
        String den = t.text("den");
        Interval in = t.interval("in");
        String per = t.params().get("per");
        String sqrt = t.params().get("sqrt");
        String cost = t.params().get("budget");
        Map<String, List<RunData>> groups = new TreeMap<>(RatioTest::compare);
        for (RunData r : runs) {
            groups.computeIfAbsent(per == null ? "all" : String.valueOf(RunValues.spec(r, per)), k -> new ArrayList<>()).add(r);
        }
        boolean holds = true;
        List<String> parts = new ArrayList<>();
        Map<String, double[]> means = new TreeMap<>(RatioTest::compare);
        for (Map.Entry<String, List<RunData>> g : groups.entrySet()) {
            List<RunData> a = RunValues.where(g.getValue(), num);
            List<RunData> b = RunValues.where(g.getValue(), den);
            if (a.isEmpty() || b.isEmpty()) {
                return Outcome.notTestable("no finished run with " + (a.isEmpty() ? num : den)
                        + (per == null ? "" : " at " + per + " = " + g.getKey()));
            }
            List<RunData> both = new ArrayList<>(a);
            both.addAll(b);
            double budget = cost == null ? Double.NaN
                    : both.stream().mapToDouble(r -> RunValues.last(r, cost)).min().orElse(Double.NaN);
            double ma = mean(a, metric, cost, budget);
            double mb = mean(b, metric, cost, budget);
            double ratio = ma / mb;
            String shown = cost == null ? "" : " at " + cost + " " + Format.number(budget);
            if (sqrt != null) {
                double scale = Math.sqrt(both.stream().mapToDouble(r -> RunValues.x(r, sqrt)).average().orElse(Double.NaN));
                ratio /= scale;
                shown += " (ratio " + Format.number(ma / mb) + ", sqrt " + Format.number(scale) + ")";
            }
            if (Double.isNaN(ratio)) {
                return Outcome.notTestable("the runs recorded no finite " + metric);
            }
            means.put(g.getKey(), new double[] {ma, mb});
            holds &= in.contains(ratio);
            parts.add((per == null ? "" : per + "=" + g.getKey() + ": ") + Format.precise(ratio)
                    + (sqrt == null ? " (" + Format.number(ma) + " / " + Format.number(mb) + ")" : "") + shown);
        }
        String numbers = String.format("mean %s of %s over %s%s: %s (threshold in %s)", metric, num, den,
                sqrt == null ? "" : " divided by sqrt(" + sqrt + ")", String.join("; ", parts),
                in.text());
        String curves = t.params().get("figure");
        List<RunData> shown = new ArrayList<>(RunValues.where(runs, num));
        shown.addAll(RunValues.where(runs, den));
        return new Outcome(holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, numbers, curves != null
                ? max -> curves(curves, num, den, shown, max) : max -> chart(metric, num, den, per, means));
    }

    private static double mean(List<RunData> runs, String metric, String cost, double budget) {
        return runs.stream().mapToDouble(r -> cost == null ? RunValues.last(r, metric)
                : RunValues.atBudget(r, metric, cost, budget)).average().orElse(Double.NaN);
    }

    /** Orders numbers numerically, anything else as text after them. */
    private static int compare(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** The curves of {@code metric} against the step, every run of both groups, its group in the legend. */
    private static XYChart curves(String metric, String num, String den, List<RunData> runs, int max) {
        XYChart c = Charts.xy(metric + ": " + num + " and " + den, "step t", metric, false, true);
        for (RunData r : runs) {
            Curve curve = RunValues.curve(r, metric);
            if (curve != null) {
                String group = RunValues.where(List.of(r), num).isEmpty() ? den : num;
                Charts.line(c, group + ", " + RunValues.name(r), curve.x(), curve.values(), max, true);
            }
        }
        return c;
    }

    private static XYChart chart(String metric, String num, String den, String per, Map<String, double[]> means) {
        boolean numeric = per != null && means.keySet().stream().allMatch(k -> k.matches("-?[0-9.eE+-]+"));
        boolean positive = means.values().stream().allMatch(m -> m[0] > 0 && m[1] > 0);
        XYChart c = Charts.xy(metric + ": " + num + " against " + den, numeric ? per : "group", "mean " + metric,
                numeric && positive, positive);
        double[] x = new double[means.size()];
        double[] ya = new double[x.length];
        double[] yb = new double[x.length];
        int i = 0;
        for (Map.Entry<String, double[]> e : means.entrySet()) {
            x[i] = numeric ? Double.parseDouble(e.getKey()) : i + 1;
            ya[i] = e.getValue()[0];
            yb[i++] = e.getValue()[1];
        }
        Charts.line(c, num, x, ya, Integer.MAX_VALUE, false);
        Charts.line(c, den, x, yb, Integer.MAX_VALUE, false);
        if (x.length > 1) {
            Charts.endAtData(c, x[0], x[x.length - 1]);
        }
        return c;
    }
}
