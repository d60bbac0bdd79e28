package org.overparam.linalg;

import org.overparam.linalg.internal.LapackEigen;

/**
 * Eigenvalues and eigenvectors of a dense symmetric matrix by LAPACK: {@code dsyevd}
 * (divide and conquer) for the whole spectrum, {@code dsyevr} (relatively robust representations)
 * for an index range. On the native path this is OpenBLAS's LAPACK; on the pure-Java path netlib's
 * F2J translation (about 15x slower at n = 2000). For a few extreme eigenvalues of a large or
 * implicit matrix use {@link Lanczos}.
 *
 * <p>The input is n x n row-major; only its lower triangle is read, and it is not modified.
 * Eigenvalues are returned in ascending order; index ranges count from 0 in that order.
 */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * @param n the order
     * @param a the matrix; not modified
     * @return all n eigenvalues, ascending
     */
    public static double[] values(int n, double[] a) {
        return LapackEigen.all(n, a, false).values();
    }

    /**
     * @param n the order
     * @param a the matrix; not modified
     * @param from the first index wanted (0 = the smallest eigenvalue)
     * @param to one past the last index wanted, at most n
     * @return eigenvalues {@code from .. to-1} in ascending order
     */
    public static double[] values(int n, double[] a, int from, int to) {
        return LapackEigen.range(n, a, from, to, false).values();
    }

    /**
     * @param n the order
     * @param a the matrix; not modified
     * @return all eigenvalues (ascending) with their eigenvectors
     */
    public static EigenSystem decompose(int n, double[] a) {
        return LapackEigen.all(n, a, true);
    }

    /**
     * @param n the order
     * @param a the matrix; not modified
     * @param from the first index wanted (0 = the smallest eigenvalue)
     * @param to one past the last index wanted, at most n
     * @return eigenvalues {@code from .. to-1} (ascending) with their eigenvectors
     */
    public static EigenSystem decompose(int n, double[] a, int from, int to) {
        return LapackEigen.range(n, a, from, to, true);
    }
}
