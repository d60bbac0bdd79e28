package org.overparam.plugin.csv.internal;

import java.util.Locale;

/**
 * How much a normalization changed the rows of a table: the number of rows whose relative change
 * {@code |x' - x| / |x|} (Euclidean norms over the row; {@code |x'|} for an all-zero row x) exceeds
 * {@link #TOLERANCE}, and the largest relative change.
 *
 * @param rows the rows changed by more than the tolerance
 * @param largest the largest relative change of any row
 */
record Changes(int rows, double largest) {
    /** A row changed by at most this much (relative) counts as unchanged: rounding, not rescaling. */
    static final double TOLERANCE = 1e-12;

    /**
     * @param before {@code n x d} values as written; not modified
     * @param after the same rows normalized; not modified
     * @param d values per row
     * @return the changes
     */
    static Changes between(double[] before, double[] after, int d) {
        int n = d == 0 ? 0 : before.length / d;
        int rows = 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double diff = 0;
            double norm = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                diff += (after[j] - before[j]) * (after[j] - before[j]);
                norm += before[j] * before[j];
            }
            double rel = Math.sqrt(diff) / (norm > 0 ? Math.sqrt(norm) : 1.0);
            largest = Math.max(largest, rel);
            if (rel > TOLERANCE) {
                rows++;
            }
        }
        return new Changes(rows, largest);
    }

    /**
     * @param other the changes of other rows
     * @return both together
     */
    Changes and(Changes other) {
        return new Changes(rows + other.rows, Math.max(largest, other.largest));
    }

    /**
     * @param normalize the normalization's name in experiment files
     * @param total the rows looked at
     * @return the one-line notice, e.g. {@code normalize: unit changed 98 of 100 rows (by up to 41% of a
     *     row's norm); normalize: none keeps the inputs as written}
     */
    String notice(String normalize, int total) {
        return String.format(Locale.ROOT, "normalize: %s changed %d of %d rows (by up to %.3g of a row's norm);"
                + " normalize: none keeps the inputs as written", normalize, rows, total, largest);
    }
}
