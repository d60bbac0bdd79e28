package org.overparam.linalg;

import org.overparam.linalg.internal.Backend;
import org.overparam.linalg.internal.Checks;
import org.overparam.linalg.internal.Kernels;
import org.overparam.linalg.internal.OuterProduct;

/**
 * BLAS-style kernels on row-major matrices stored in flat arrays. A matrix argument is given by its
 * array, the offset of its first element and its leading dimension (the distance between the
 * starts of two rows). {@code trans} arguments refer to the row-major matrix as stored.
 *
 * <p>Output arrays must not alias inputs.
 *
 * <p>The kernels run on native OpenBLAS when {@code libopenblas0} is installed, on pure-Java
 * kernels otherwise (a blocked Vector API gemm with {@code --add-modules jdk.incubator.vector},
 * netlib's Java BLAS on tiles without it); the system property
 * {@code overparam.linalg=java|native|auto} forces a path, and {@code overparam.linalg.level3=java}
 * moves gemm and syrk to the Java kernels beside native LAPACK. The choice is made once, when this
 * class initializes: see {@link #implementation()}. Results are the same run to run; on the Java
 * path with the Vector API they also do not depend on the thread count or the JIT tier.
 */
public final class Linalg {
    private static final Kernels K = Kernels.get();

    private Linalg() {
    }

    /** @return the kernels in use and their threads, e.g. {@code native OpenBLAS (...), 2 OpenBLAS threads} */
    public static String implementation() {
        return Backend.get().description();
    }

    /**
     * Measures native against Java kernels per level-3 operation and shape class now, and caches the
     * choice for this machine (the {@code overparam calibrate} command). Kernels already in use
     * keep their choice; the next JVM start uses the new one. See docs/linalg.md.
     *
     * @return the table chosen, one line per operation with the measured times, and the cache file
     * @throws IllegalStateException when there is nothing to choose (no OpenBLAS, no Vector API, or
     *         a path forced by {@code overparam.linalg=java})
     * @since 1.4
     */
    public static String calibrate() {
        return Backend.calibrate();
    }

    /**
     * Caps the threads of the Java kernels called from the current thread from now on, where the
     * caller already runs several things at once: a parallel sweep gives each run's thread a cap of 1,
     * so its runs do not fight over the cores. It leaves the other threads, and OpenBLAS's own
     * threads (fixed per process by {@code OPENBLAS_NUM_THREADS}), alone. Results do not change: the
     * Java kernels compute every element the same way on any number of threads.
     *
     * @param cap at most this many threads, or 0 for no cap (the process's thread count)
     * @return the cap set on this thread before (0: none), to restore it
     * @throws IllegalArgumentException if cap is negative
     * @since 1.4
     */
    public static int limitThreads(int cap) {
        return Backend.limitJavaThreads(cap);
    }

    /** @return whether the kernels run in native OpenBLAS */
    public static boolean isNative() {
        return Backend.get().isNative();
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
        Checks.matrix("A", a.length, aOff, lda, transA ? k : m, transA ? m : k);
        Checks.matrix("B", b.length, bOff, ldb, transB ? n : k, transB ? k : n);
        Checks.matrix("C", c.length, cOff, ldc, m, n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            Elementwise.scaleMatrix(m, n, beta, c, cOff, ldc);
            return;
        }
        if (k == 1 && beta == 0) {
            OuterProduct.overwrite(transA, transB, m, n, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        K.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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
        gemm(transA, transB, m, n, k, alpha, a, 0, Math.max(1, transA ? m : k), b, 0, Math.max(1, transB ? k : n),
                beta, c, 0, Math.max(1, n));
    }

    /**
     * The float32 {@link #gemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int,
     * int, double, double[], int, int) gemm}: half the memory traffic and twice the vector width, for
     * large products where single precision is enough.
     *
     * @param transA whether A is stored k x m
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
     * @param beta the factor of C's old value (0: C's old values are ignored)
     * @param c C's values, updated
     * @param cOff offset of C's first element
     * @param ldc C's leading dimension
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        Checks.matrix("A", a.length, aOff, lda, transA ? k : m, transA ? m : k);
        Checks.matrix("B", b.length, bOff, ldb, transB ? n : k, transB ? k : n);
        Checks.matrix("C", c.length, cOff, ldc, m, n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            Elementwise.scaleMatrix(m, n, beta, c, cOff, ldc);
            return;
        }
        K.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * The float32 gemm on tightly packed matrices.
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
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, float[] b, float beta, float[] c) {
        sgemm(transA, transB, m, n, k, alpha, a, 0, Math.max(1, transA ? m : k), b, 0, Math.max(1, transB ? k : n),
                beta, c, 0, Math.max(1, n));
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
        gemv(transA, m, n, alpha, a, 0, Math.max(1, n), x, 0, beta, y, 0);
    }

    /**
     * {@code y = alpha op(A) x + beta y} with A stored m x n at an offset, with a leading dimension.
     *
     * @param transA whether to use A's transpose (then x has m entries and y has n)
     * @param m A's rows as stored
     * @param n A's columns as stored
     * @param alpha the product's factor
     * @param a A's values; not modified
     * @param aOff offset of A's first element
     * @param lda A's leading dimension
     * @param x the vector's values; not modified
     * @param xOff offset of x's first entry
     * @param beta the factor of y's old value (0: y's old values are ignored)
     * @param y the result's values, updated
     * @param yOff offset of y's first entry
     */
    public static void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                            double[] x, int xOff, double beta, double[] y, int yOff) {
        Checks.matrix("A", a.length, aOff, lda, m, n);
        Checks.vector("x", x.length, xOff, transA ? m : n);
        Checks.vector("y", y.length, yOff, transA ? n : m);
        int len = transA ? n : m;
        if (len == 0) {
            return;
        }
        if ((transA ? m : n) == 0 || alpha == 0) {
            Elementwise.scaleMatrix(1, len, beta, y, yOff, len);
            return;
        }
        K.dgemv(transA, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    /**
     * {@code y = alpha A x + beta y} for a symmetric n x n matrix A of which only the lower triangle
     * ({@code i >= j}, row-major) is read: half the memory traffic of {@link #gemv}, which is what
     * bounds a matrix-vector product (e.g. each {@link Lanczos} step on an explicit Gram matrix).
     *
     * @param n A's order
     * @param alpha the product's factor
     * @param a A's values; not modified
     * @param aOff offset of A's first element
     * @param lda A's leading dimension
     * @param x the vector's values; not modified
     * @param xOff offset of x's first entry
     * @param beta the factor of y's old value (0: y's old values are ignored)
     * @param y the result's values, updated
     * @param yOff offset of y's first entry
     */
    public static void symv(int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
                            double beta, double[] y, int yOff) {
        Checks.matrix("A", a.length, aOff, lda, n, n);
        Checks.vector("x", x.length, xOff, n);
        Checks.vector("y", y.length, yOff, n);
        if (n == 0) {
            return;
        }
        if (alpha == 0) {
            Elementwise.scaleMatrix(1, n, beta, y, yOff, n);
            return;
        }
        K.dsymv(n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
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
        syrk(trans, n, k, alpha, a, 0, Math.max(1, trans ? n : k), beta, c, 0, Math.max(1, n));
    }

    /**
     * The Gram matrix {@code C = alpha op(A) op(A)^T + beta C}, both triangles filled, at half the
     * cost of a gemm: only the lower triangle is computed, then mirrored.
     *
     * @param trans false: A is stored n x k and C = A A^T; true: A is stored k x n and C = A^T A
     * @param n C's order
     * @param k the inner dimension
     * @param alpha the product's factor
     * @param a A's values; not modified
     * @param aOff offset of A's first element
     * @param lda A's leading dimension as stored
     * @param beta the factor of C's old value (0: C's old values are ignored); when not 0, C's old
     *     values are read in both triangles, as for gemm
     * @param c C's values, updated
     * @param cOff offset of C's first element
     * @param ldc C's leading dimension
     */
    public static void syrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda,
                            double beta, double[] c, int cOff, int ldc) {
        Checks.matrix("A", a.length, aOff, lda, trans ? k : n, trans ? n : k);
        Checks.matrix("C", c.length, cOff, ldc, n, n);
        if (n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            Elementwise.scaleMatrix(n, n, beta, c, cOff, ldc);
            return;
        }
        if (beta == 0) {
            K.dsyrkLower(trans, n, k, alpha, a, aOff, lda, 0, c, cOff, ldc);
            Elementwise.mirrorLower(n, c, cOff, ldc);
            return;
        }
        // C's old upper triangle may differ from its lower one: compute the Gram apart, then add.
        double[] g = new double[n * n];
        K.dsyrkLower(trans, n, k, alpha, a, aOff, lda, 0, g, 0, n);
        Elementwise.mirrorLower(n, g, 0, n);
        for (int i = 0; i < n; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta * c[ci + j] + g[i * n + j];
            }
        }
    }

    /**
     * @param x a vector
     * @param y a vector at least as long (its first {@code x.length} entries are read)
     * @return their inner product
     */
    public static double dot(double[] x, double[] y) {
        return dot(x.length, x, 0, y, 0);
    }

    /**
     * @param n the number of entries
     * @param x the first vector's values; not modified
     * @param xOff offset of its first entry
     * @param y the second vector's values; not modified
     * @param yOff offset of its first entry
     * @return {@code sum x[xOff + i] y[yOff + i]} over {@code i < n}
     */
    public static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        Checks.vector("x", x.length, xOff, n);
        Checks.vector("y", y.length, yOff, n);
        return n == 0 ? 0 : K.ddot(n, x, xOff, y, yOff);
    }

    /**
     * {@code y += alpha x}.
     *
     * @param alpha the factor
     * @param x not modified
     * @param y updated (its first {@code x.length} entries)
     */
    public static void axpy(double alpha, double[] x, double[] y) {
        axpy(x.length, alpha, x, 0, y, 0);
    }

    /**
     * {@code y[yOff + i] += alpha x[xOff + i]} for {@code i < n}.
     *
     * @param n the number of entries
     * @param alpha the factor
     * @param x the added vector's values; not modified
     * @param xOff offset of its first entry
     * @param y the updated vector's values
     * @param yOff offset of its first entry
     */
    public static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        Checks.vector("x", x.length, xOff, n);
        Checks.vector("y", y.length, yOff, n);
        if (n > 0 && alpha != 0) {
            K.daxpy(n, alpha, x, xOff, y, yOff);
        }
    }
}
