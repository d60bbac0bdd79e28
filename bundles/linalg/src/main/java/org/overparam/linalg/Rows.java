package org.overparam.linalg;

/**
 * Kernels on the rows of a data matrix: an {@code n x d} row-major {@code double[]} holding n
 * samples of dimension d. Unit-norm rows (the inputs the convergence theorems assume, arXiv
 * 1811.03962 and 2107.01832), centering and standardization by the training rows' column
 * statistics (the same map applied to test rows), and the minimum pairwise distance (the
 * {@code delta} of arXiv 1811.03962). Sums run in index order, so results are deterministic.
 */
public final class Rows {
    /** Rows per Gram panel in {@link #minDistance}. */
    private static final int PANEL = 256;

    private Rows() {
    }

    /**
     * Scales every row to Euclidean norm 1, in place. An all-zero row cannot be scaled: it is left
     * as it is (the rows after it are still scaled) and its index is returned.
     *
     * @param x {@code n x d} rows, updated
     * @param n the rows
     * @param d the dimension
     * @return the index of the first all-zero row, or -1 when there is none
     */
    public static int unitNormalize(double[] x, int n, int d) {
        int zero = -1;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            if (s == 0) {
                if (zero < 0) {
                    zero = i;
                }
                continue;
            }
            double inv = 1 / Math.sqrt(s);
            for (int j = 0; j < d; j++) {
                x[i * d + j] *= inv;
            }
        }
        return zero;
    }

    /**
     * Subtracts the training rows' mean (per column) from every training and test row, in place.
     *
     * @param train {@code n x d} training rows, updated
     * @param n the training rows, at least 1
     * @param test {@code nTest x d} test rows, updated
     * @param nTest the test rows
     * @param d the dimension
     */
    public static void center(double[] train, int n, double[] test, int nTest, int d) {
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += train[i * d + j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                train[i * d + j] -= mean;
            }
            for (int i = 0; i < nTest; i++) {
                test[i * d + j] -= mean;
            }
        }
    }

    /**
     * Shifts and scales every column to zero mean and unit (population) variance over the
     * training rows, and applies the same map to the test rows, in place. A column that is
     * constant over the training rows becomes 0.
     *
     * @param train {@code n x d} training rows, updated
     * @param n the training rows, at least 1
     * @param test {@code nTest x d} test rows, updated
     * @param nTest the test rows
     * @param d the dimension
     */
    public static void standardize(double[] train, int n, double[] test, int nTest, int d) {
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += train[i * d + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double e = train[i * d + j] - mean;
                var += e * e;
            }
            double sd = Math.sqrt(var / n);
            double inv = sd > 0 ? 1 / sd : 0;
            for (int i = 0; i < n; i++) {
                train[i * d + j] = (train[i * d + j] - mean) * inv;
            }
            for (int i = 0; i < nTest; i++) {
                test[i * d + j] = (test[i * d + j] - mean) * inv;
            }
        }
    }

    /**
     * The minimum pairwise Euclidean distance of n rows, from Gram panels:
     * {@code ||x_i - x_j||^2 = ||x_i||^2 + ||x_j||^2 - 2 x_i.x_j}, with {@code x_i.x_j} for a panel
     * of 256 rows against the rows from the panel's first on (the upper triangle and the
     * diagonal blocks) in one {@link Linalg#gemm}. About n^2 d multiply-adds, O(256 n) memory.
     *
     * @param x {@code n x d} rows; not modified
     * @param n the number of rows, at least 2
     * @param d the dimension
     * @return the smallest distance between two different rows (0 for repeated rows)
     * @throws IllegalArgumentException if n is below 2
     */
    public static double minDistance(double[] x, int n, int d) {
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
