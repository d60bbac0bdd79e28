package org.overparam.experiment.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;

/**
 * A sweep's range of numbers, written {@code range(START, STOP)}, {@code range(START, STOP, STEP)}
 * or {@code range(START, STOP, xFACTOR)}. Like Python's and Hydra's {@code range}, STOP is excluded:
 * {@code range(0, 3)} is 0, 1, 2; {@code range(0, 1, 0.25)} is 0, 0.25, 0.5, 0.75 (linear, STEP
 * default 1, negative to count down); {@code range(128, 2048, x2)} is 128, 256, 512, 1024
 * (geometric: each value FACTOR times the previous; START and STOP positive, FACTOR positive and not
 * 1, below 1 to count down). Whole START, STEP or FACTOR give whole numbers; otherwise values are
 * rounded to 12 significant digits (so {@code range(0.1, 0.4, 0.1)} is 0.1, 0.2, 0.3) and a value
 * within 1e-9 (relative) of STOP counts as STOP.
 */
final class Range {
    /** The most values a range may have. */
    static final int MAX_VALUES = 10_000;
    private static final Pattern RANGE = Pattern.compile("range\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    private static final String USAGE = "expected range(START, STOP), range(START, STOP, STEP) or "
            + "range(START, STOP, xFACTOR)";
    private static final MathContext DIGITS = new MathContext(12);

    private Range() {
    }

    /**
     * @param text a value as written
     * @return whether it is meant as a range (starts with {@code range(})
     */
    static boolean isRange(String text) {
        return text.strip().matches("(?s)range\\s*\\(.*");
    }

    /**
     * @param text the range as written
     * @param where its location, for errors and for the values' locations
     * @return its values in order, as scalars located at {@code where}; empty if the range is empty
     * @throws InvalidInputException if the text is not a range, a bound is not a number, the step is 0,
     *     or the factor is not positive and different from 1
     */
    static List<Node> values(String text, String where) {
        String t = text.strip();
        Matcher m = RANGE.matcher(t);
        if (!m.matches()) {
            throw new InvalidInputException(where, "bad range '" + t + "': " + USAGE);
        }
        String[] args = m.group(1).split(",", -1);
        if (args.length < 2 || args.length > 3) {
            throw new InvalidInputException(where, "bad range '" + t + "': " + USAGE);
        }
        Number start = number(args[0], t, where);
        Number stop = number(args[1], t, where);
        String step = args.length == 3 ? args[2].strip() : "1";
        if (step.startsWith("x") || step.startsWith("*")) {
            Number factor = number(step.substring(1), t, where);
            return geometric(start, stop, factor, t, where);
        }
        return linear(start, stop, number(step, t, where), t, where);
    }

    private static List<Node> linear(Number start, Number stop, Number step, String t, String where) {
        if (step.doubleValue() == 0) {
            throw new InvalidInputException(where, "bad range '" + t + "': the step is 0");
        }
        List<Node> out = new ArrayList<>();
        boolean up = step.doubleValue() > 0;
        if (start instanceof Long a && step instanceof Long s && stop instanceof Long b) {
            for (long v = a; up ? v < b : v > b; v += s) {
                add(out, v, t, where);
            }
            return out;
        }
        double tol = 1e-9 * Math.abs(step.doubleValue());
        for (long i = 0; ; i++) {
            double v = round(start.doubleValue() + i * step.doubleValue());
            if (up ? v >= stop.doubleValue() - tol : v <= stop.doubleValue() + tol) {
                return out;
            }
            add(out, v, t, where);
        }
    }

    private static List<Node> geometric(Number start, Number stop, Number factor, String t, String where) {
        double f = factor.doubleValue();
        if (f <= 0 || f == 1) {
            throw new InvalidInputException(where, "bad range '" + t + "': the factor x" + factor
                    + " must be positive and not 1");
        }
        if (start.doubleValue() <= 0 || stop.doubleValue() <= 0) {
            throw new InvalidInputException(where, "bad range '" + t + "': a geometric range needs a positive "
                    + "START and STOP");
        }
        List<Node> out = new ArrayList<>();
        boolean up = f > 1;
        double b = stop.doubleValue();
        if (start instanceof Long a && factor instanceof Long k) {
            for (long v = a; v < b; ) {
                add(out, v, t, where);
                try {
                    v = Math.multiplyExact(v, k);
                } catch (ArithmeticException e) {
                    break;
                }
            }
            return out;
        }
        for (long i = 0; ; i++) {
            double v = round(start.doubleValue() * Math.pow(f, i));
            if (up ? v >= b * (1 - 1e-9) : v <= b * (1 + 1e-9)) {
                return out;
            }
            add(out, v, t, where);
        }
    }

    private static void add(List<Node> out, Object v, String t, String where) {
        if (out.size() >= MAX_VALUES) {
            throw new InvalidInputException(where, "range '" + t + "' has more than " + MAX_VALUES + " values");
        }
        out.add(new Node.Scalar(v, v.toString(), where));
    }

    private static Number number(String arg, String t, String where) {
        String a = arg.strip();
        if (WHOLE.matcher(a).matches()) {
            return Long.valueOf(a);
        }
        try {
            double d = Double.parseDouble(a);
            if (Double.isFinite(d) && !a.endsWith("d") && !a.endsWith("f") && !a.endsWith("D") && !a.endsWith("F")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(where, "bad range '" + t + "': '" + a + "' is not a number");
    }

    private static double round(double v) {
        return v == 0 ? 0 : new BigDecimal(v).round(DIGITS).doubleValue();
    }
}
