package org.overparam.linalg.internal;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Kernels on native OpenBLAS through netlib's JNI binding. netlib is column-major; a row-major
 * matrix read column-major is its transpose, so row-major {@code C = op(A) op(B)} is computed as
 * column-major {@code C^T = op(B)^T op(A)^T} by swapping the operands: nothing is copied. OpenBLAS
 * runs its own threads; no Java threads are added.
 */
final class NativeKernels implements Kernels {
    /** Below this length a Java loop beats the JNI call. */
    private static final int SMALL_VECTOR = 64;
    private final BLAS blas;

    NativeKernels(BLAS blas) {
        this.blas = blas;
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOff, ldb, a, aOff, lda,
                beta, c, cOff, ldc);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOff, ldb, a, aOff, lda,
                beta, c, cOff, ldc);
    }

    @Override
    public void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
                      int xOff, double beta, double[] y, int yOff) {
        // A (m x n row-major) read column-major is A^T (n x m): flip the transpose flag.
        blas.dgemv(trans ? "N" : "T", n, m, alpha, a, aOff, lda, x, xOff, 1, beta, y, yOff, 1);
    }

    @Override
    public void dsymv(int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff, double beta,
                      double[] y, int yOff) {
        // Row-major lower = column-major upper.
        if (endsTooSoon(a.length, aOff, n, lda)) {
            blas.dsymv("U", n, alpha, packed(a, aOff, lda, n, n), 0, n, x, xOff, 1, beta, y, yOff, 1);
            return;
        }
        blas.dsymv("U", n, alpha, a, aOff, lda, x, xOff, 1, beta, y, yOff, 1);
    }

    @Override
    public void dsyrkLower(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
                           double[] c, int cOff, int ldc) {
        // Row-major lower = column-major upper; A read column-major is A^T.
        int rows = trans ? k : n;
        int cols = trans ? n : k;
        if (endsTooSoon(a.length, aOff, rows, lda)) {
            a = packed(a, aOff, lda, rows, cols);
            aOff = 0;
            lda = cols;
        }
        if (!endsTooSoon(c.length, cOff, n, ldc)) {
            blas.dsyrk("U", trans ? "N" : "T", n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
            return;
        }
        double[] block = packed(c, cOff, ldc, n, n);
        blas.dsyrk("U", trans ? "N" : "T", n, k, alpha, a, aOff, lda, beta, block, 0, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(block, i * n, c, cOff + i * ldc, n);
        }
    }

    /**
     * netlib checks that {@code off + rows * ld - 1} is inside the array for syrk and symv, a full
     * padded row beyond the last element read ({@code off + (rows - 1) * ld + cols - 1}, which the
     * caller's checks have already passed). True when that over-strict check would refuse a block
     * that ends the array.
     */
    private static boolean endsTooSoon(int length, int off, int rows, int ld) {
        return (long) off + (long) rows * ld > length;
    }

    /** A copy of the rows x cols block at {@code off} with leading dimension {@code ld}, packed. */
    private static double[] packed(double[] x, int off, int ld, int rows, int cols) {
        double[] p = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, off + i * ld, p, i * cols, cols);
        }
        return p;
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        if (n < SMALL_VECTOR) {
            return Loops.dot(n, x, xOff, y, yOff);
        }
        return blas.ddot(n, x, xOff, 1, y, yOff, 1);
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        if (n < SMALL_VECTOR) {
            Loops.axpy(n, alpha, x, xOff, y, yOff);
        } else {
            blas.daxpy(n, alpha, x, xOff, 1, y, yOff, 1);
        }
    }
}
