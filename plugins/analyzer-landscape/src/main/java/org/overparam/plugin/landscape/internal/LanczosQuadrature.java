package org.overparam.plugin.landscape.internal;

import org.overparam.linalg.EigenSystem;
import org.overparam.linalg.Linalg;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.SymmetricOperator;

/**
 * One run of stochastic Lanczos quadrature (Golub and Meurant; Ghorbani, Krishnan and Xiao, arXiv
 * 1901.10159; PyHessian, arXiv 1912.07145): {@code m} Lanczos steps on a symmetric operator
 * {@code A} (order n) from a unit start vector {@code v} give the tridiagonal {@code T_m}; with its
 * eigenpairs {@code T_m s_i = theta_i s_i}, the Gauss quadrature nodes are {@code theta_i} and the
 * weights {@code tau_i = s_i[0]^2}, so {@code v^T g(A) v ~ sum_i tau_i g(theta_i)}, exactly for
 * polynomials g of degree below 2m. The weights add up to 1 and {@code sum_i tau_i theta_i =
 * (T_m)_00 = v^T A v}.
 *
 * <p>The basis is fully reorthogonalized (classical Gram-Schmidt, twice), as PyHessian does, so
 * memory is {@code m x n} doubles. When {@code beta} vanishes (an invariant subspace, e.g. m reaching
 * the operator's rank) the run stops early with fewer nodes; the quadrature is then exact.
 */
final class LanczosQuadrature {
    private LanczosQuadrature() {
    }

    /**
     * @param op the operator
     * @param n its order
     * @param start a unit vector of n values; not modified
     * @param steps the most Lanczos steps m, at least 1 (at most n are taken)
     * @return {@code [nodes, weights]}, of equal length (at most m)
     */
    static double[][] run(SymmetricOperator op, int n, double[] start, int steps) {
        int m = Math.min(steps, n);
        double[] q = new double[m * n];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] h = new double[m];
        double[] x = new double[n];
        double[] w = new double[n];
        System.arraycopy(start, 0, q, 0, n);
        int j = 0;
        while (j < m) {
            System.arraycopy(q, j * n, x, 0, n);
            op.apply(x, w);
            alpha[j] = 0;
            for (int pass = 0; pass < 2; pass++) {
                Linalg.gemv(false, j + 1, n, 1.0, q, 0, n, w, 0, 0.0, h, 0);
                Linalg.gemv(true, j + 1, n, -1.0, q, 0, n, h, 0, 1.0, w, 0);
                alpha[j] += h[j];
            }
            double b = Math.sqrt(Linalg.dot(n, w, 0, w, 0));
            j++;
            double scale = Math.abs(alpha[j - 1]) + (j > 1 ? beta[j - 2] : 0);
            if (j == m || b <= 1e-12 * Math.max(scale, Double.MIN_NORMAL)) {
                break;
            }
            beta[j - 1] = b;
            for (int i = 0; i < n; i++) {
                q[j * n + i] = w[i] / b;
            }
        }
        double[] t = new double[j * j];
        for (int i = 0; i < j; i++) {
            t[i * j + i] = alpha[i];
            if (i + 1 < j) {
                t[(i + 1) * j + i] = beta[i];
                t[i * j + i + 1] = beta[i];
            }
        }
        EigenSystem e = SymmetricEigen.decompose(j, t);
        double[] weights = new double[j];
        for (int i = 0; i < j; i++) {
            double s0 = e.vectors()[i * j];
            weights[i] = s0 * s0;
        }
        return new double[][] {e.values(), weights};
    }
}
