package org.overparam.plugin.momentum.internal;

/**
 * Least-squares fits of a measured error sequence {@code e_t} to the rate laws of linear methods on a
 * quadratic: {@code log e_t = a + t log rho} (distinct roots), and
 * {@code log e_t = a + b log t + t log rho} for a double root, whose error is {@code (A + B t) rho^t}
 * (Nesterov and heavy ball at their critical momentum).
 */
final class RateFit {
    private RateFit() {
    }

    /**
     * @param e errors, {@code e[t]} at step t
     * @param from the first step fitted
     * @param to one past the last step fitted
     * @param withLogT whether to fit the {@code b log t} term too
     * @return the fitted {@code log rho} (per step)
     */
    static double logRate(double[] e, int from, int to, boolean withLogT) {
        int k = withLogT ? 3 : 2;
        double[][] ata = new double[k][k];
        double[] aty = new double[k];
        for (int t = from; t < to; t++) {
            double[] row = withLogT ? new double[] {1, Math.log(t), t} : new double[] {1, t};
            double y = Math.log(e[t]);
            for (int i = 0; i < k; i++) {
                aty[i] += row[i] * y;
                for (int j = 0; j < k; j++) {
                    ata[i][j] += row[i] * row[j];
                }
            }
        }
        return solve(ata, aty)[k - 1];
    }

    /** Gaussian elimination with partial pivoting on a small system. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] tr = a[c];
            a[c] = a[p];
            a[p] = tr;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j < n; j++) {
                    a[r][j] -= f * a[c][j];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < n; j++) {
                s -= a[r][j] * x[j];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
