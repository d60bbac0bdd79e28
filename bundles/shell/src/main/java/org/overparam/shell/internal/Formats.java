package org.overparam.shell.internal;

import java.util.Locale;

/** How the shell shows numbers and durations: fixed formats, independent of the user's locale. */
final class Formats {
    private Formats() {
    }

    /**
     * @param loss a loss
     * @return it in {@code %.3e}, e.g. {@code 1.234e-05}
     */
    static String loss(double loss) {
        return String.format(Locale.ROOT, "%.3e", loss);
    }

    /**
     * @param v a metric's value
     * @return whole numbers as integers, others with at most 4 significant digits and no trailing
     *     zeros ({@code 0.0123}, {@code 1.5e-08})
     */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        String text = String.format(Locale.ROOT, "%.4g", v);
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + text.substring(e);
    }

    /**
     * @param name a metric's full name
     * @param v its value
     * @return {@link #number(double)}, except for a NaN, which means the metric does not apply (yet):
     *     {@code not reached} for a {@code steps_to_target}, {@code n/a} for any other
     */
    static String metric(String name, double v) {
        if (Double.isNaN(v)) {
            return name.endsWith("steps_to_target") ? "not reached" : "n/a";
        }
        return number(v);
    }

    /**
     * @param perSecond a speed
     * @return it with 3 significant digits at most, e.g. {@code 850}, {@code 12.5}, {@code 0.42}
     */
    static String rate(double perSecond) {
        if (perSecond >= 99.95) {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        return String.format(Locale.ROOT, perSecond >= 9.995 ? "%.1f" : "%.2f", perSecond);
    }

    /**
     * @param seconds a duration
     * @return {@code m:ss} or {@code h:mm:ss}, e.g. an ETA of {@code 2:05}
     */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * @param nanos a duration
     * @return it for a summary: {@code 12.3 s}, {@code 2 min 05 s}, {@code 1 h 02 min}
     */
    static String duration(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
