package org.overparam.api.store;

import java.util.Arrays;

/**
 * Statistics of one final metric over the runs of a group (the seeds of one sweep point). Only finite
 * values count; a run whose value is NaN or infinite (e.g. a diverged loss) is left out of every
 * number here.
 *
 * @param count the finite values
 * @param mean their mean (NaN when none)
 * @param std their sample standard deviation, with {@code count - 1} in the denominator (NaN when
 *     fewer than two)
 * @param min the smallest (NaN when none)
 * @param max the largest (NaN when none)
 */
public record MetricStats(int count, double mean, double std, double min, double max) {
    /**
     * @param values the runs' values (non-finite ones are skipped)
     * @return their statistics; the mean and the deviations are summed in the values' order after
     *     sorting, so the result does not depend on the runs' order
     */
    public static MetricStats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            return new MetricStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new MetricStats(n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)), v[0], v[n - 1]);
    }
}
