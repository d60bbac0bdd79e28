package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;

/**
 * The numbers a reproduction check reads from a run: a spec value by dotted key, a metric's final,
 * first or largest value (a leading {@code -} negates, so {@code -dynamics.log_rate} is the decay
 * rate), and the runs a {@code where=KEY:VALUE} selects.
 */
final class RunValues {
    private RunValues() {
    }

    /**
     * @param runs runs
     * @param where {@code KEY:VALUE}, several joined by {@code ,} (all must hold), or {@code null} for all
     * @return the runs whose flattened spec has those values at those keys
     */
    static List<RunData> where(List<RunData> runs, String where) {
        if (where == null) {
            return runs;
        }
        List<RunData> out = new ArrayList<>(runs);
        for (String condition : where.split(",")) {
            int colon = condition.indexOf(':');
            if (colon < 1) {
                throw new InvalidInputException("where=" + where, "must be KEY:VALUE[,KEY:VALUE...]");
            }
            String key = condition.substring(0, colon);
            String value = condition.substring(colon + 1);
            out.removeIf(r -> !value.equals(spec(r, key)));
        }
        return out;
    }

    /**
     * The value of a metric when a run had spent a budget: at the last recorded step whose cost is
     * at most {@code budget}, the cost growing by the same amount every step (a run's final
     * {@code train.sample_gradients} over its steps: full-batch GD spends n per step, SGD its batch).
     *
     * @param run a run
     * @param metric a metric, {@code -} in front to negate
     * @param cost the cumulative cost metric, e.g. {@code train.sample_gradients}
     * @param budget the budget
     * @return the value, NaN if none was recorded by then
     */
    static double atBudget(RunData run, String metric, String cost, double budget) {
        double perStep = last(run, cost) / run.result().path("steps").asDouble(Double.NaN);
        Curve c = curve(run, metric);
        if (c == null || !(perStep > 0)) {
            return Double.NaN;
        }
        double v = Double.NaN;
        for (int i = 0; i < c.size() && c.steps()[i] * perStep <= budget * (1 + 1e-12); i++) {
            if (Double.isFinite(c.values()[i])) {
                v = c.values()[i];
            }
        }
        return v;
    }

    /**
     * @param run a run
     * @param key a dotted spec key, e.g. {@code architecture.width}
     * @return its value as text, or {@code null}
     */
    static String spec(RunData run, String key) {
        Map<String, String> flat = SpecKeys.flatten(run.spec());
        String v = flat.get(key);
        if (v == null) {
            v = flat.get(key + ".name");
        }
        return v;
    }

    /**
     * @param run a run
     * @param x a dotted spec key holding a number, or {@code metric:NAME} for a metric's first recorded value
     * @return the number, NaN if absent
     */
    static double x(RunData run, String x) {
        if (x.startsWith("metric:")) {
            return first(run, x.substring("metric:".length()));
        }
        String v = spec(run, x);
        try {
            return v == null ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * @param run a run
     * @param metric a metric, {@code -} in front to negate
     * @return its curve (negated values for {@code -}), or {@code null}
     */
    static Curve curve(RunData run, String metric) {
        boolean negate = metric.startsWith("-");
        Curve c = run.metrics().get(negate ? metric.substring(1) : metric);
        if (c == null || !negate) {
            return c;
        }
        double[] v = c.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
        return new Curve(metric, c.steps(), v);
    }

    /**
     * @param run a run
     * @param metric a metric, {@code -} in front to negate
     * @return its last finite value, NaN if none
     */
    static double last(RunData run, String metric) {
        Curve c = curve(run, metric);
        if (c == null) {
            return Double.NaN;
        }
        for (int i = c.size() - 1; i >= 0; i--) {
            if (Double.isFinite(c.values()[i])) {
                return c.values()[i];
            }
        }
        return Double.NaN;
    }

    /**
     * @param run a run
     * @param metric a metric, {@code -} in front to negate
     * @return its first finite value, NaN if none
     */
    static double first(RunData run, String metric) {
        Curve c = curve(run, metric);
        if (c == null) {
            return Double.NaN;
        }
        for (double v : c.values()) {
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /**
     * @param run a run
     * @param metric a metric, {@code -} in front to negate
     * @return its largest finite value over all recorded steps, NaN if none
     */
    static double max(RunData run, String metric) {
        Curve c = curve(run, metric);
        double m = Double.NaN;
        if (c != null) {
            for (double v : c.values()) {
                if (Double.isFinite(v) && !(v <= m)) {
                    m = v;
                }
            }
        }
        return m;
    }

    /**
     * @param run a run
     * @return a short name for legends: the seed and the last four characters of its folder's name
     */
    static String name(RunData run) {
        String f = run.folder().getFileName().toString();
        return "seed " + run.seed() + " (" + f.substring(Math.max(0, f.length() - 4)) + ")";
    }
}
