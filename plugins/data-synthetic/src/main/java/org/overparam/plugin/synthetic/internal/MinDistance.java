package org.overparam.plugin.synthetic.internal;

import org.overparam.linalg.Linalg;

/**
 * The minimum pairwise Euclidean distance of n points in R^d, from their Gram matrix
 * {@code G = X X^T}: {@code ||x_i - x_j||^2 = G_ii + G_jj - 2 G_ij}. O(n^2 d) work. Up to
 * {@link #SYRK_LIMIT} points the whole Gram is one {@link Linalg#syrk}; beyond, it is computed in
 * panels of rows with {@link Linalg#gemm} so memory stays O(panel x n).
 */
final class MinDistance {
    /** The largest n whose full n x n Gram (32 MB at this size) is formed at once. */
    static final int SYRK_LIMIT = 2048;
    private static final int PANEL = 256;

    private MinDistance() {
    }

    /**
     * @param x {@code n x d} points, row-major; not modified
     * @param n the number of points, at least 2
     * @param d the dimension
     * @return the smallest distance between two different rows
     */
    static double of(double[] x, int n, int d) {
        return of(x, n, d, SYRK_LIMIT);
    }

    /** As {@link #of(double[], int, int)}, forming the whole Gram only up to {@code limit} points. */
    static double of(double[] x, int n, int d, int limit) {
        if (n < 2) {
            throw new IllegalArgumentException("a minimum distance needs two points, got " + n);
        }
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            sq[i] = s;
        }
        double min = Double.POSITIVE_INFINITY;
        if (n <= limit) {
            double[] g = new double[n * n];
            Linalg.syrk(false, n, d, 1.0, x, 0.0, g);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    min = Math.min(min, sq[i] + sq[j] - 2 * g[i * n + j]);
                }
            }
        } else {
            double[] g = new double[PANEL * n];
            for (int r0 = 0; r0 < n; r0 += PANEL) {
                int rows = Math.min(PANEL, n - r0);
                Linalg.gemm(false, true, rows, n, d, 1.0, x, r0 * d, d, x, 0, d, 0.0, g, 0, n);
                for (int a = 0; a < rows; a++) {
                    int i = r0 + a;
                    for (int j = i + 1; j < n; j++) {
                        min = Math.min(min, sq[i] + sq[j] - 2 * g[a * n + j]);
                    }
                }
            }
        }
        return Math.sqrt(Math.max(min, 0.0));
    }
}
