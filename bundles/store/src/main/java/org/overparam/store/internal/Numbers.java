package org.overparam.store.internal;

import java.util.regex.Pattern;

/** Parameter values that are numbers: decimal literals as YAML and {@link Double#toString} write them. */
final class Numbers {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /**
     * @param text a value as text
     * @return it as a number, or {@code null} if it is not a decimal number
     */
    static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return NUMBER.matcher(t).matches() ? Double.valueOf(t) : null;
    }

    /**
     * Orders parameter values numerically when both are numbers, else as text, numbers first.
     *
     * @param a a value
     * @param b another
     * @return the comparison
     */
    static int compare(String a, String b) {
        Double x = parse(a);
        Double y = parse(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /**
     * @param v a value that may be NaN or infinite
     * @return it, or {@code null} where SQL should hold nothing
     */
    static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
