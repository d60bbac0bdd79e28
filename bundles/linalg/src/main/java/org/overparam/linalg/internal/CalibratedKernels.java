package org.overparam.linalg.internal;

/**
 * Native kernels with each level-3 product (dgemm by shape class, sgemm, syrk) on the native or
 * the Java Vector API kernels as a {@link CalibrationTable} chose. Memory-bound kernels and LAPACK
 * stay native; with {@link CalibrationTable#allJava} every level-3 product runs on Java (the
 * forced {@code level3=java} path). One threading layer per call: a call runs on OpenBLAS's threads
 * or on the Java kernels' own, never both.
 */
final class CalibratedKernels implements Kernels {
    private final Kernels nativeKernels;
    private final Kernels javaKernels;
    private final CalibrationTable table;

    CalibratedKernels(Kernels nativeKernels, Kernels javaKernels, CalibrationTable table) {
        this.nativeKernels = nativeKernels;
        this.javaKernels = javaKernels;
        this.table = table;
    }

    private Kernels pick(CalibrationTable.Shape shape) {
        return table.java(shape) ? javaKernels : nativeKernels;
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        pick(CalibrationTable.Shape.dgemm(m, n, k))
                .dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        pick(CalibrationTable.Shape.SGEMM)
                .sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
                      int xOff, double beta, double[] y, int yOff) {
        nativeKernels.dgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public void dsymv(int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff, double beta,
                      double[] y, int yOff) {
        nativeKernels.dsymv(n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public void dsyrkLower(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
                           double[] c, int cOff, int ldc) {
        pick(CalibrationTable.Shape.SYRK).dsyrkLower(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        return nativeKernels.ddot(n, x, xOff, y, yOff);
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        nativeKernels.daxpy(n, alpha, x, xOff, y, yOff);
    }
}
