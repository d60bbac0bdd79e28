package org.overparam.report.internal;

import java.util.Locale;

/** How reports show numbers: fixed formats, independent of the user's locale. */
final class Format {
    private Format() {
    }

    /**
     * @param v a value
     * @return whole numbers as integers, others with 4 significant digits and no trailing zeros
     *     ({@code 0.0123}, {@code 1.5e-08}); NaN and infinities as {@code NaN}, {@code inf}, {@code -inf}
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
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
     * @param v a value
     * @return it with at most 2 decimals, trailing zeros dropped ({@code -0.86}, {@code 0.5}, {@code 3}),
     *     for axis labels of grids
     */
    static String short2(double v) {
        String t = String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
        return t.equals("-0") ? "0" : t;
    }

    /**
     * @param v a value
     * @return it with 6 significant digits, for rates close to 1 ({@code 0.997683})
     */
    static String precise(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : number(v);
    }
}
