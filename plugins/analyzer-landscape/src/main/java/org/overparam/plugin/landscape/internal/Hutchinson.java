package org.overparam.plugin.landscape.internal;

import org.overparam.api.RandomStream;
import org.overparam.linalg.SymmetricOperator;

/**
 * Hutchinson's trace estimator (Hutchinson 1990; PyHessian, arXiv 1912.07145): with Rademacher
 * probes {@code z} (entries +-1), {@code E[z^T H z] = tr H}. Each probe costs one product
 * {@code y = H z} and gives, besides the whole estimate {@code z^T y}, an estimate of every diagonal
 * block's trace {@code tr H_bb = E[z_b^T y_b]} (the restriction of {@code z} and {@code y} to block
 * b), so per-block traces come at no extra product and add up to the whole one.
 *
 * <p>The estimate is the mean over probes, its standard error {@code s / sqrt(probes)} with the
 * sample standard deviation {@code s} (NaN for one probe). Means and variances are accumulated by
 * Welford's method, so equal samples give a variance of exactly 0: on a diagonal matrix every probe
 * gives {@code sum_i H_ii} exactly and the estimate is exact.
 */
final class Hutchinson {
    private Hutchinson() {
    }

    /**
     * @param op the operator on the flat vectors of {@code set}
     * @param set the blocks (their offsets split the per-block estimates)
     * @param probes the number of probes, at least 1
     * @param random the stream the probes come from (advanced)
     * @return {@code [2][1 + set.count()]}: row 0 the estimates (whole, then each block), row 1
     *     their standard errors
     */
    static double[][] estimate(SymmetricOperator op, BlockSet set, int probes, RandomStream random) {
        int n = set.size();
        int parts = set.count();
        double[] z = new double[n];
        double[] y = new double[n];
        double[] mean = new double[parts + 1];
        double[] m2 = new double[parts + 1];
        double[] sample = new double[parts + 1];
        for (int p = 1; p <= probes; p++) {
            for (int i = 0; i < n; i++) {
                z[i] = random.nextSign();
            }
            op.apply(z, y);
            double whole = 0;
            for (int b = 0; b < parts; b++) {
                double s = 0;
                for (int i = set.offset(b); i < set.offset(b + 1); i++) {
                    s += z[i] * y[i];
                }
                sample[b + 1] = s;
                whole += s;
            }
            sample[0] = whole;
            for (int k = 0; k <= parts; k++) {
                double d = sample[k] - mean[k];
                mean[k] += d / p;
                m2[k] += d * (sample[k] - mean[k]);
            }
        }
        double[] stderr = new double[parts + 1];
        for (int k = 0; k <= parts; k++) {
            stderr[k] = probes < 2 ? Double.NaN : Math.sqrt(m2[k] / (probes - 1) / probes);
        }
        return new double[][] {mean, stderr};
    }
}
