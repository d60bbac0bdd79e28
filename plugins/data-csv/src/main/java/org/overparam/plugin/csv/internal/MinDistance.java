package org.overparam.plugin.csv.internal;

import org.overparam.linalg.Linalg;

/**
 * The minimum pairwise Euclidean distance of n points in R^d (the {@code delta} of arXiv
 * 1811.03962), from Gram panels: {@code ||x_i - x_j||^2 = ||x_i||^2 + ||x_j||^2 - 2 x_i.x_j}, with
 * {@code x_i.x_j} for a panel of {@link #PANEL} rows against the rows from the panel's first on
 * (the upper triangle and the diagonal blocks) in one {@link Linalg#gemm}. About n^2 d
 * multiply-adds, O(PANEL n) memory.
 */
final class MinDistance {
    private static final int PANEL = 256;

    private MinDistance() {
    }

    /**
     * @param x {@code n x d} points, row-major; not modified
     * @param n the number of points, at least 2
     * @param d the dimension
     * @return the smallest distance between two different rows (0 for repeated points)
     */
    static double of(double[] x, int n, int d) {
        if (n < 2) {
            throw new IllegalArgumentException("a minimum distance needs two points, got " + n);
        }
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = Linalg.dot(d, x, i * d, x, i * d);
        }
        double min = Double.POSITIVE_INFINITY;
        double[] g = new double[Math.min(PANEL, n) * n];
        for (int r0 = 0; r0 < n; r0 += PANEL) {
            int rows = Math.min(PANEL, n - r0);
            int cols = n - r0;
            Linalg.gemm(false, true, rows, cols, d, 1.0, x, r0 * d, d, x, r0 * d, d, 0.0, g, 0, cols);
            for (int a = 0; a < rows; a++) {
                int i = r0 + a;
                for (int j = i + 1; j < n; j++) {
                    min = Math.min(min, sq[i] + sq[j] - 2 * g[a * cols + j - r0]);
                }
            }
        }
        return Math.sqrt(Math.max(min, 0.0));
    }
}
