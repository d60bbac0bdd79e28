package org.overparam.linalg.internal;

/**
 * The dense kernels behind {@code org.overparam.linalg.Linalg}, on row-major matrices given by
 * array, offset and leading dimension. Callers have checked the arguments and removed degenerate
 * sizes: every dimension passed here is at least 1.
 */
public interface Kernels {
    /** @return the kernels of the chosen {@link Backend} */
    static Kernels get() {
        return Holder.KERNELS;
    }

    /** Row-major {@code C = alpha op(A) op(B) + beta C}, {@code op(A)} m x k, {@code op(B)} k x n. */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
               double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);

    /** The float32 {@link #dgemm}. */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

    /** {@code y = alpha op(A) x + beta y}, A stored m x n row-major with leading dimension lda. */
    void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
               double beta, double[] y, int yOff);

    /**
     * {@code y = alpha A x + beta y} for a symmetric n x n row-major A of which only the lower
     * triangle ({@code i >= j}) is read: half the memory traffic of {@link #dgemv}.
     */
    void dsymv(int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff, double beta,
               double[] y, int yOff);

    /**
     * The lower triangle (row-major, {@code i >= j}) of {@code C = alpha op(A) op(A)^T + beta C};
     * {@code op(A)} is n x k ({@code trans}: A stored k x n). The strict upper triangle is undefined
     * afterwards.
     */
    void dsyrkLower(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
                    double[] c, int cOff, int ldc);

    /** @return {@code sum x[xOff + i] y[yOff + i]} over {@code i < n} */
    double ddot(int n, double[] x, int xOff, double[] y, int yOff);

    /** {@code y[yOff + i] += alpha x[xOff + i]} for {@code i < n}. */
    void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** Holds the one instance, made on first use. */
    final class Holder {
        static final Kernels KERNELS = Backend.get().kernels();

        private Holder() {
        }
    }
}
