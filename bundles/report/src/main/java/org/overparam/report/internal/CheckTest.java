package org.overparam.report.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;

/**
 * One {@code #@ test:} line of a reproduction check file: a statistic and its fixed thresholds, e.g.
 * {@code loglinear metric=train.loss from=10 until=1e-6 r2=0.99}. The kinds are {@code loglinear}
 * ({@link LogLinearTest}), {@code bound} ({@link BoundTest}), {@code exponent} ({@link ExponentTest}) and
 * {@code ratio} ({@link RatioTest}); every kind takes {@code where=KEY:VALUE} to test only the runs whose
 * spec has that value, and {@code label=TEXT} (underscores for blanks) to name the statement.
 *
 * @param kind the statistic
 * @param params its parameters, in the order written
 * @param where where the line is (file:line), for errors
 */
record CheckTest(String kind, Map<String, String> params, String where) {
    private static final List<String> KINDS = List.of("loglinear", "bound", "exponent", "ratio");

    /**
     * @param text the line after {@code test:}
     * @param where file:line
     * @return the test
     * @throws InvalidInputException for an unknown kind or a parameter without {@code =}
     */
    static CheckTest parse(String text, String where) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 0 || !KINDS.contains(words[0])) {
            throw new InvalidInputException(where, "unknown test '" + (words.length == 0 ? "" : words[0])
                    + "'; one of " + KINDS);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException(where, "'" + words[i] + "' is not key=value");
            }
            params.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return new CheckTest(words[0], params, where);
    }

    /**
     * @param runs the check's finished runs
     * @return the outcome of this statement on the runs its {@code where} selects
     */
    Outcome evaluate(List<RunData> runs) {
        List<RunData> selected = RunValues.where(runs, params.get("where"));
        if (selected.isEmpty()) {
            return Outcome.notTestable("no finished run" + (params.containsKey("where") ? " with " + params.get("where") : ""));
        }
        return switch (kind) {
            case "loglinear" -> LogLinearTest.evaluate(this, selected);
            case "bound" -> BoundTest.evaluate(this, selected);
            case "exponent" -> ExponentTest.evaluate(this, selected);
            default -> RatioTest.evaluate(this, selected);
        };
    }

    /** @return the statement's name: {@code label} (underscores read as blanks), else the kind and metric */
    String label() {
        String l = params.get("label");
        return l != null ? l.replace('_', ' ') : kind + " " + params.getOrDefault("metric", "");
    }

    /**
     * @param key a parameter
     * @return its text
     * @throws InvalidInputException if it is missing
     */
    String text(String key) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(where, kind + " needs " + key + "=...");
        }
        return v;
    }

    /**
     * @param key a parameter
     * @param otherwise its value when missing
     * @return its value as a number ({@code inf}, {@code -inf} allowed)
     * @throws InvalidInputException if it is not a number
     */
    double number(String key, double otherwise) {
        String v = params.get(key);
        return v == null ? otherwise : value(v, key);
    }

    /**
     * @param key a parameter written {@code [lo,hi]}, each end {@code [ ]} (closed) or {@code ( )} (open)
     * @return the interval
     * @throws InvalidInputException if missing or malformed
     */
    Interval interval(String key) {
        String v = text(key);
        if (!(v.startsWith("[") || v.startsWith("(")) || !(v.endsWith("]") || v.endsWith(")")) || v.split(",").length != 2) {
            throw new InvalidInputException(where, key + " must be [lo,hi] (or with ( ) for open ends), not '" + v + "'");
        }
        String[] p = v.substring(1, v.length() - 1).split(",");
        return new Interval(value(p[0], key), value(p[1], key), v.startsWith("("), v.endsWith(")"));
    }

    private double value(String v, String key) {
        String s = v.strip();
        if (s.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (s.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where, key + " must be a number, not '" + v + "'");
        }
    }
}
