package org.overparam.linalg;

import java.util.SplittableRandom;
import org.overparam.linalg.internal.LapackEigen;

/**
 * The Lanczos method for a few extreme eigenvalues of a symmetric operator known only by its
 * action ({@link SymmetricOperator}): Hessians through Hessian-vector products, Gram matrices too
 * large to decompose. Each iteration applies the operator once and extends an orthonormal Krylov
 * basis; the eigenvalues of the small tridiagonal matrix {@code T_j} (Ritz values) converge to the
 * extreme eigenvalues first. Full reorthogonalization (classical Gram–Schmidt, twice) keeps the
 * basis orthogonal, so no spurious copies appear; memory is {@code iterations x n} doubles.
 *
 * <p>A Ritz pair {@code (theta, y)} is accepted when {@code |beta_j s_ji| <= tol * max(|theta|,
 * ||T_j||)}, which bounds {@code ||A y - theta y||}. The start vector is Gaussian from the given
 * seed, so runs are reproducible. Reference: Golub and Van Loan, Matrix Computations, 4th ed., 10.1.
 */
public final class Lanczos {
    /** Which end of the spectrum to find. */
    public enum Which {
        /** The largest (algebraic) eigenvalues. */
        LARGEST,
        /** The smallest (algebraic) eigenvalues. */
        SMALLEST
    }

    /** The default relative tolerance on the residual bound. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private Lanczos() {
    }

    /**
     * The k most extreme eigenvalues, without vectors, to {@link #DEFAULT_TOLERANCE}, in at most
     * {@code min(n, max(300, 20 k))} iterations.
     *
     * @param op the operator
     * @param n its order
     * @param k how many eigenvalues, {@code 1 <= k <= n}
     * @param which the largest or the smallest
     * @param seed the start vector's seed
     * @return the result
     */
    public static LanczosResult extremes(SymmetricOperator op, int n, int k, Which which, long seed) {
        return extremes(op, n, k, which, seed, DEFAULT_TOLERANCE, Math.min(n, Math.max(300, 20 * k)), false);
    }

    /**
     * The k most extreme eigenvalues.
     *
     * @param op the operator
     * @param n its order
     * @param k how many eigenvalues, {@code 1 <= k <= n}
     * @param which the largest or the smallest
     * @param seed the start vector's seed
     * @param tol the relative tolerance on the residual bound, e.g. {@code 1e-10}
     * @param maxIterations the most operator applications (and basis vectors), at most n
     * @param vectors whether to return the Ritz vectors
     * @return the result; {@code converged()} says whether the tolerance was met
     * @throws IllegalArgumentException on a size out of range
     */
    public static LanczosResult extremes(SymmetricOperator op, int n, int k, Which which, long seed, double tol,
                                         int maxIterations, boolean vectors) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("Lanczos: k = " + k + " eigenvalues of an operator of order " + n);
        }
        if (maxIterations < k || !(tol > 0)) {
            throw new IllegalArgumentException("Lanczos: maxIterations " + maxIterations + " is below k = " + k
                    + " or tolerance " + tol + " is not positive");
        }
        int maxIt = Math.min(maxIterations, n);
        double[] q = new double[(maxIt + 1) * n];
        double[] alpha = new double[maxIt];
        double[] beta = new double[maxIt];
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n];
        double[] x = new double[n];
        double[] h = new double[maxIt + 1];
        startVector(random, q, 0, 0, n, h);
        EigenSystem ritz = null;
        double[] residuals = null;
        int j = 0;
        boolean converged = false;
        while (j < maxIt) {
            System.arraycopy(q, j * n, x, 0, n);
            op.apply(x, w);
            // Orthogonalize against the whole basis q_0 .. q_j, twice (CGS2): the first pass is the
            // three-term recurrence (h[j] = alpha_j = q_j^T A q_j) plus reorthogonalization, the
            // second removes what rounding left.
            alpha[j] = 0;
            for (int pass = 0; pass < 2; pass++) {
                Linalg.gemv(false, j + 1, n, 1.0, q, 0, n, w, 0, 0.0, h, 0);
                Linalg.gemv(true, j + 1, n, -1.0, q, 0, n, h, 0, 1.0, w, 0);
                alpha[j] += h[j];
            }
            double b = Math.sqrt(Linalg.dot(n, w, 0, w, 0));
            beta[j] = b;
            j++;
            if (j >= k && (j < 40 || j % 5 == 0 || j == maxIt)) {
                ritz = LapackEigen.tridiagonal(j, alpha, beta);
                residuals = residuals(ritz, j, k, which, b);
                if (accepted(ritz, residuals, j, k, which, tol)) {
                    converged = true;
                    break;
                }
            }
            if (j < maxIt) {
                double scale = Math.abs(alpha[j - 1]) + (j > 1 ? beta[j - 2] : 0);
                if (b <= 1e-12 * Math.max(scale, Double.MIN_NORMAL)) {
                    // An invariant subspace: continue with a fresh direction orthogonal to the basis.
                    beta[j - 1] = 0;
                    startVector(random, q, j, j, n, h);
                } else {
                    for (int i = 0; i < n; i++) {
                        q[j * n + i] = w[i] / b;
                    }
                }
            }
        }
        if (ritz == null || ritz.n() != j) {
            ritz = LapackEigen.tridiagonal(j, alpha, beta);
            residuals = residuals(ritz, j, k, which, beta[j - 1]);
            converged = accepted(ritz, residuals, j, k, which, tol);
        }
        return result(ritz, residuals, q, n, j, k, which, vectors, converged);
    }

    /** A Gaussian unit vector orthogonal to basis rows {@code 0 .. count-1}, stored as row {@code row}. */
    private static void startVector(SplittableRandom random, double[] q, int row, int count, int n, double[] h) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gaussian(random);
        }
        if (count > 0) {
            for (int pass = 0; pass < 2; pass++) {
                Linalg.gemv(false, count, n, 1.0, q, 0, n, v, 0, 0.0, h, 0);
                Linalg.gemv(true, count, n, -1.0, q, 0, n, h, 0, 1.0, v, 0);
            }
        }
        double norm = Math.sqrt(Linalg.dot(v, v));
        for (int i = 0; i < n; i++) {
            q[row * n + i] = v[i] / norm;
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The residual bounds of the k wanted Ritz values, most extreme first. */
    private static double[] residuals(EigenSystem ritz, int j, int k, Which which, double lastBeta) {
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            int idx = which == Which.LARGEST ? j - 1 - i : i;
            r[i] = Math.abs(lastBeta * ritz.vectors()[idx * j + (j - 1)]);
        }
        return r;
    }

    private static boolean accepted(EigenSystem ritz, double[] residuals, int j, int k, Which which, double tol) {
        double[] v = ritz.values();
        double norm = Math.max(Math.abs(v[0]), Math.abs(v[j - 1]));
        for (int i = 0; i < k; i++) {
            double theta = v[which == Which.LARGEST ? j - 1 - i : i];
            if (residuals[i] > tol * Math.max(Math.abs(theta), norm)) {
                return false;
            }
        }
        return true;
    }

    private static LanczosResult result(EigenSystem ritz, double[] residuals, double[] q, int n, int j, int k,
                                        Which which, boolean vectors, boolean converged) {
        double[] values = new double[k];
        double[] s = vectors ? new double[k * j] : null;
        for (int i = 0; i < k; i++) {
            int idx = which == Which.LARGEST ? j - 1 - i : i;
            values[i] = ritz.values()[idx];
            if (vectors) {
                System.arraycopy(ritz.vectors(), idx * j, s, i * j, j);
            }
        }
        double[] y = null;
        if (vectors) {
            // Ritz vectors: Y (k x n) = S (k x j) Q (j x n).
            y = new double[k * n];
            Linalg.gemm(false, false, k, n, j, 1.0, s, 0, j, q, 0, n, 0.0, y, 0, n);
        }
        return new LanczosResult(new EigenSystem(n, values, y), residuals, j, converged);
    }
}
