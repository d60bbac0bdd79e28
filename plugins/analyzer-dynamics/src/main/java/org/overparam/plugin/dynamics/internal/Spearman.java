package org.overparam.plugin.dynamics.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation: the Pearson correlation of the two samples' ranks, tied values
 * sharing the mean of the ranks they span (as {@code scipy.stats.spearmanr} does). It is NaN when
 * either sample is constant (no ranking to compare), e.g. lambda under the symmetric scaling
 * {@code a = 1}, or movement before the first step. Cost: O(m log m).
 */
final class Spearman {
    private Spearman() {
    }

    /**
     * @param x one sample; not modified
     * @param y the other, of the same length; not modified
     * @return the correlation of their ranks in [-1, 1], or NaN if one sample is constant or has fewer than 2 values
     * @throws IllegalArgumentException if the lengths differ
     */
    static double rho(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " and " + y.length + " values");
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mean = (x.length + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double a = rx[i] - mean;
            double b = ry[i] - mean;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** @return the 1-based ranks of v, ties getting the mean of their ranks */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }
}
