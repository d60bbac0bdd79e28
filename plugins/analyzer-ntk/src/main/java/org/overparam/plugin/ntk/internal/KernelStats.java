package org.overparam.plugin.ntk.internal;

import org.overparam.linalg.Linalg;
import org.overparam.linalg.SymmetricEigen;

/**
 * Scalar summaries of a symmetric n x n kernel matrix K (row-major): its spectrum's ends, trace,
 * how far it moved from a reference K_0, and its alignment with the targets.
 */
final class KernelStats {
    private KernelStats() {
    }

    /**
     * @param n the order
     * @param k the matrix
     * @return the sum of the diagonal
     */
    static double trace(int n, double[] k) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += k[i * n + i];
        }
        return t;
    }

    /**
     * @param a values
     * @return the Frobenius (Euclidean) norm
     */
    static double frobenius(double[] a) {
        return Math.sqrt(Linalg.dot(a, a));
    }

    /**
     * @param k the current kernel; not modified
     * @param k0 the reference kernel of the same order; not modified
     * @return {@code ||K - K_0||_F / ||K_0||_F} (NaN when K_0 is zero)
     */
    static double relativeMovement(double[] k, double[] k0) {
        double[] d = difference(k, k0);
        double ref = frobenius(k0);
        return ref > 0 ? frobenius(d) / ref : Double.NaN;
    }

    /**
     * Caron et al.'s "NTK change" (arXiv 2302.01002, the authors' code): {@code sqrt(||K - K_0||_2)},
     * the square root of the spectral norm of the difference (its largest absolute eigenvalue).
     *
     * @param n the order
     * @param k the current kernel; not modified
     * @param k0 the reference kernel; not modified
     * @return the value, at least 0
     */
    static double caronChange(int n, double[] k, double[] k0) {
        double[] d = difference(k, k0);
        double lo = SymmetricEigen.values(n, d, 0, 1)[0];
        double hi = SymmetricEigen.values(n, d, n - 1, n)[0];
        return Math.sqrt(Math.max(Math.abs(lo), Math.abs(hi)));
    }

    /**
     * Kernel-target alignment (Cristianini et al. 2002) of K with the targets' kernel {@code Y Y^T}:
     * {@code <K, Y Y^T>_F / (||K||_F ||Y Y^T||_F)}; for one output this is
     * {@code y^T K y / (||K||_F ||y||^2)}.
     *
     * @param n the order
     * @param k the kernel; not modified
     * @param y {@code n x c} targets, row-major; not modified
     * @param c the number of target columns
     * @return the alignment in [-1, 1] (NaN when K or Y is zero)
     */
    static double alignment(int n, double[] k, double[] y, int c) {
        double[] yy = new double[n * n];
        Linalg.syrk(false, n, c, 1.0, y, 0.0, yy);
        double den = frobenius(k) * frobenius(yy);
        return den > 0 ? Linalg.dot(k, yy) / den : Double.NaN;
    }

    private static double[] difference(double[] k, double[] k0) {
        if (k.length != k0.length) {
            throw new IllegalArgumentException("kernels of " + k.length + " and " + k0.length + " entries");
        }
        double[] d = k.clone();
        Linalg.axpy(-1.0, k0, d);
        return d;
    }
}
