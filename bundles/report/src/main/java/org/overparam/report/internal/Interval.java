package org.overparam.report.internal;

/**
 * A threshold interval of a reproduction check, written {@code [lo,hi]} with each end closed
 * ({@code [}, {@code ]}) or open ({@code (}, {@code )}); {@code inf} and {@code -inf} are allowed, so
 * "falls" is {@code [-inf,0)} and "grows" {@code (0,inf]}.
 *
 * @param lo the lower end
 * @param hi the upper end
 * @param loOpen whether the lower end is excluded
 * @param hiOpen whether the upper end is excluded
 */
record Interval(double lo, double hi, boolean loOpen, boolean hiOpen) {

    /**
     * @param v a value
     * @return whether it lies in the interval (NaN never does)
     */
    boolean contains(double v) {
        return (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
    }

    /** @return the interval as written, numbers formatted */
    String text() {
        return (loOpen ? "(" : "[") + Format.number(lo) + ", " + Format.number(hi) + (hiOpen ? ")" : "]");
    }
}
