package org.overparam.report.internal;

/**
 * A metric aggregated over the seeds of one sweep point: mean, sample standard deviation (divisor
 * {@code n - 1}; 0 for a single seed), minimum and maximum of its finite values. NaN and infinite
 * values (a diverged run, a metric a run lacks) are left out and do not count in {@code n}.
 *
 * @param n the number of finite values
 * @param mean their mean (NaN when {@code n = 0})
 * @param std their sample standard deviation (NaN when {@code n = 0})
 * @param min the smallest (NaN when {@code n = 0})
 * @param max the largest (NaN when {@code n = 0})
 */
record SeedStats(int n, double mean, double std, double min, double max) {

    /**
     * @param values one value per seed
     * @return their statistics
     */
    static SeedStats of(double[] values) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return new SeedStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new SeedStats(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, max);
    }

    /**
     * The spread of positive values over seeds in log space, for a log axis: the geometric mean
     * {@code exp(m)} and the bar from {@code exp(m - s)} to {@code exp(m + s)}, where {@code m} and
     * {@code s} are the mean and sample standard deviation (0 for one seed) of {@code ln v} over the
     * finite values. The bar is never below zero and is symmetric on the log axis.
     *
     * @param values one value per seed
     * @return {@code {center, low, high}}, or {@code null} when there is no finite value or one is not
     *     above zero (then the spread belongs on a linear axis)
     */
    static double[] logSpread(double[] values) {
        double[] logs = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (!(v > 0)) {
                    return null;
                }
                logs[n++] = Math.log(v);
            }
        }
        if (n == 0) {
            return null;
        }
        SeedStats l = of(java.util.Arrays.copyOf(logs, n));
        return new double[] {Math.exp(l.mean()), Math.exp(l.mean() - l.std()), Math.exp(l.mean() + l.std())};
    }

    /** @return {@code mean ± std (n)}, or {@code -} without values */
    String text() {
        return n == 0 ? "-" : Format.number(mean) + " ± " + Format.number(std) + " (" + n + ")";
    }
}
