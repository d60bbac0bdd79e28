package org.overparam.linalg;

/**
 * BLAS-style kernels on row-major matrices stored in flat arrays. A matrix argument is given by its
 * array, the offset of its first element and its leading dimension (the distance between the
 * starts of two rows). {@code trans} arguments refer to the row-major matrix as stored.
 *
 * <p>Output arrays must not alias inputs.
 */
public final class Linalg {
    private Linalg() {
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C}, with {@code op(A)} m x k, {@code op(B)} k x n and C m x n.
     *
     * @param transA whether A is stored k x m (use its transpose)
     * @param transB whether B is stored n x k
     * @param m rows of C
     * @param n columns of C
     * @param k the inner dimension
     * @param alpha the product's factor
     * @param a A's values; not modified
     * @param aOff offset of A's first element
     * @param lda A's leading dimension as stored
     * @param b B's values; not modified
     * @param bOff offset of B's first element
     * @param ldb B's leading dimension as stored
     * @param beta the factor of C's old value (0: C's old values are ignored, even NaN)
     * @param c C's values, updated
     * @param cOff offset of C's first element
     * @param ldc C's leading dimension
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            } else if (beta != 1) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
            for (int p = 0; p < k; p++) {
                double av = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (av == 0) {
                    continue;
                }
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bOff + j * ldb + p];
                    }
                } else {
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j];
                    }
                }
            }
        }
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} on tightly packed matrices (leading dimension = stored
     * row length).
     *
     * @param transA whether A is stored k x m
     * @param transB whether B is stored n x k
     * @param m rows of C
     * @param n columns of C
     * @param k the inner dimension
     * @param alpha the product's factor
     * @param a A; not modified
     * @param b B; not modified
     * @param beta the factor of C's old value
     * @param c C, m x n, updated
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, double[] b, double beta, double[] c) {
        gemm(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, c, 0, n);
    }

    /**
     * {@code y = alpha op(A) x + beta y} with A stored m x n (row-major, tightly packed).
     *
     * @param transA whether to use A's transpose (then x has m entries and y has n)
     * @param m A's rows as stored
     * @param n A's columns as stored
     * @param alpha the product's factor
     * @param a A; not modified
     * @param x the vector; not modified
     * @param beta the factor of y's old value
     * @param y the result, updated
     */
    public static void gemv(boolean transA, int m, int n, double alpha, double[] a, double[] x,
                            double beta, double[] y) {
        if (transA) {
            gemm(true, false, n, 1, m, alpha, a, 0, n, x, 0, 1, beta, y, 0, 1);
        } else {
            gemm(false, false, m, 1, n, alpha, a, 0, n, x, 0, 1, beta, y, 0, 1);
        }
    }

    /**
     * The Gram matrix {@code C = alpha A A^T + beta C} (or {@code alpha A^T A + beta C}), both
     * triangles filled.
     *
     * @param trans false: A is n x k and C = A A^T; true: A is k x n and C = A^T A
     * @param n C's order
     * @param k the inner dimension
     * @param alpha the product's factor
     * @param a A, tightly packed; not modified
     * @param beta the factor of C's old value
     * @param c C, n x n, updated
     */
    public static void syrk(boolean trans, int n, int k, double alpha, double[] a, double beta, double[] c) {
        gemm(trans, !trans, n, n, k, alpha, a, a, beta, c);
    }

    /** @param x a vector @param y a vector of the same length @return their inner product */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** {@code y += alpha x}. @param alpha the factor @param x not modified @param y updated */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
