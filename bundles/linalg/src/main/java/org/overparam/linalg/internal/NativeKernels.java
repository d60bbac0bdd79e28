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
        blas.dsymv("U", n, alpha, a, aOff, lda, x, xOff, 1, beta, y, yOff, 1);
    }

    @Override
    public void dsyrkLower(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
                           double[] c, int cOff, int ldc) {
        // Row-major lower = column-major upper; A read column-major is A^T.
        blas.dsyrk("U", trans ? "N" : "T", n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
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
