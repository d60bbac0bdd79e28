package org.overparam.linalg.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;
import org.overparam.linalg.EigenSystem;

/**
 * The LAPACK calls behind {@code SymmetricEigen} and {@code Lanczos}. A symmetric row-major
 * matrix is its own column-major transpose; its row-major lower triangle is LAPACK's upper
 * ({@code uplo = "U"}). LAPACK's column-major n x m eigenvector matrix, read row-major, is m x n
 * with one eigenvector per row: nothing is transposed.
 */
public final class LapackEigen {
    private LapackEigen() {
    }

    private static LAPACK lapack() {
        return Backend.get().lapack();
    }

    /** All eigenvalues (and vectors) by dsyevd. */
    public static EigenSystem all(int n, double[] a, boolean vectors) {
        Checks.matrix("A", a.length, 0, Math.max(1, n), n, n);
        if (n == 0) {
            return new EigenSystem(0, new double[0], vectors ? new double[0] : null);
        }
        double[] z = java.util.Arrays.copyOf(a, n * n);
        double[] w = new double[n];
        String jobz = vectors ? "V" : "N";
        intW info = new intW(0);
        double[] qwork = new double[1];
        int[] qiwork = new int[1];
        lapack().dsyevd(jobz, "U", n, z, 0, n, w, 0, qwork, 0, -1, qiwork, 0, -1, info);
        check("dsyevd", info);
        int lwork = Math.max((int) qwork[0], vectors ? 1 + 6 * n + 2 * n * n : 2 * n + 1);
        int liwork = Math.max(qiwork[0], vectors ? 3 + 5 * n : 1);
        lapack().dsyevd(jobz, "U", n, z, 0, n, w, 0, new double[lwork], 0, lwork, new int[liwork], 0, liwork, info);
        check("dsyevd", info);
        return new EigenSystem(n, w, vectors ? z : null);
    }

    /** Eigenvalues {@code from .. to-1} (and vectors) by dsyevr. */
    public static EigenSystem range(int n, double[] a, int from, int to, boolean vectors) {
        Checks.matrix("A", a.length, 0, Math.max(1, n), n, n);
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("eigenvalue range [" + from + ", " + to + ") is not within [0, " + n + "]");
        }
        if (from == to) {
            return new EigenSystem(n, new double[0], vectors ? new double[0] : null);
        }
        double[] copy = java.util.Arrays.copyOf(a, n * n);
        double[] w = new double[n];
        // netlib checks z as n x ldz even without vectors.
        double[] z = new double[vectors ? n * n : n];
        int ldz = vectors ? n : 1;
        int[] isuppz = new int[2 * n];
        intW m = new intW(0);
        intW info = new intW(0);
        String jobz = vectors ? "V" : "N";
        double[] qwork = new double[1];
        int[] qiwork = new int[1];
        lapack().dsyevr(jobz, "I", "U", n, copy, 0, n, 0, 0, from + 1, to, 0.0, m, w, 0, z, 0, ldz, isuppz, 0,
                qwork, 0, -1, qiwork, 0, -1, info);
        check("dsyevr", info);
        int lwork = Math.max((int) qwork[0], 26 * n);
        int liwork = Math.max(qiwork[0], 10 * n);
        lapack().dsyevr(jobz, "I", "U", n, copy, 0, n, 0, 0, from + 1, to, 0.0, m, w, 0, z, 0, ldz, isuppz, 0,
                new double[lwork], 0, lwork, new int[liwork], 0, liwork, info);
        check("dsyevr", info);
        int count = m.val;
        return new EigenSystem(n, java.util.Arrays.copyOf(w, count),
                vectors ? java.util.Arrays.copyOf(z, count * n) : null);
    }

    /**
     * Eigenvalues and eigenvectors of the symmetric tridiagonal matrix with diagonal {@code d} and
     * off-diagonal {@code e}, by dstev.
     *
     * @param n the order
     * @param d n diagonal entries; not modified
     * @param e n-1 off-diagonal entries; not modified
     * @return ascending values, with vectors (row i the i-th eigenvector)
     */
    public static EigenSystem tridiagonal(int n, double[] d, double[] e) {
        double[] w = java.util.Arrays.copyOf(d, n);
        double[] off = java.util.Arrays.copyOf(e, Math.max(1, n));
        double[] z = new double[n * n];
        intW info = new intW(0);
        lapack().dstev("V", n, w, 0, off, 0, z, 0, n, new double[Math.max(1, 2 * n - 2)], 0, info);
        check("dstev", info);
        return new EigenSystem(n, w, z);
    }

    private static void check(String routine, intW info) {
        if (info.val != 0) {
            throw new ArithmeticException(routine + " failed: info = " + info.val
                    + (info.val > 0 ? " (the algorithm did not converge)" : " (an argument was illegal)"));
        }
    }
}
