package org.overparam.api;

import java.util.Locale;

/**
 * Overflow-checked size arithmetic for memory estimates ({@link Dataset#size},
 * {@link Model#forwardValues}, {@link Analyzer#workspaceBytes}, {@link Optimizer#stateValues}).
 * A size product that does not fit in 64 bits is an error, never a wrapped number.
 */
public final class Sizes {
    /** The longest array the JVM allocates: a few words below {@code 2^31-1}. */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /**
     * @param factors counts, each at least 0
     * @return their exact product (1 for none)
     * @throws ArithmeticException if it exceeds {@code 2^63-1}
     */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            p = Math.multiplyExact(p, f);
        }
        return p;
    }

    /**
     * @param terms counts, each at least 0
     * @return their exact sum
     * @throws ArithmeticException if it exceeds {@code 2^63-1}
     */
    public static long sum(long... terms) {
        long s = 0;
        for (long t : terms) {
            s = Math.addExact(s, t);
        }
        return s;
    }

    /**
     * @param count a number of {@code double} values
     * @return the bytes they take in arrays ({@code 8 count}, headers ignored)
     * @throws ArithmeticException if that exceeds {@code 2^63-1}
     */
    public static long doubles(long count) {
        return Math.multiplyExact(count, (long) Double.BYTES);
    }

    /**
     * @param bytes a size in bytes
     * @return it in binary units with three significant digits, e.g. {@code 37.3 GiB}, {@code 512 KiB}
     */
    public static String format(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " bytes";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }
}
