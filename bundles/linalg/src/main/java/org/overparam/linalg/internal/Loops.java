package org.overparam.linalg.internal;

/**
 * Plain Java loops for the memory-bound kernels (dot, axpy, gemv, symv). Sums run in a fixed order
 * (four interleaved partial sums, then a fixed combination), so results are identical in every
 * run, on every JIT tier and JDK: unlike the Vector API's floating-point lane reductions, which
 * JDK 21+ may reorder once a method is compiled. The JIT vectorizes the axpy-shaped loops, which
 * have no reduction.
 */
final class Loops {
    private Loops() {
    }

    static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /** {@code y[j] = beta y[j]} for j in [0, n); beta = 0 writes zeros. */
    static void scale(int n, double beta, double[] y, int yOff) {
        if (beta == 0) {
            java.util.Arrays.fill(y, yOff, yOff + n, 0.0);
        } else if (beta != 1) {
            for (int j = 0; j < n; j++) {
                y[yOff + j] *= beta;
            }
        }
    }

    /** Rows [r0, r1) of {@code y = alpha A x + beta y}, A row-major with n columns. */
    static void gemvRows(int r0, int r1, int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
                         double beta, double[] y, int yOff) {
        for (int i = r0; i < r1; i++) {
            double s = alpha * dot(n, a, aOff + i * lda, x, xOff);
            y[yOff + i] = beta == 0 ? s : s + beta * y[yOff + i];
        }
    }

    /** Columns [c0, c1) of {@code y = alpha A^T x + beta y}, A row-major m x n: axpy over rows. */
    static void gemvTransColumns(int c0, int c1, int m, double alpha, double[] a, int aOff, int lda, double[] x,
                                 int xOff, double beta, double[] y, int yOff) {
        scale(c1 - c0, beta, y, yOff + c0);
        for (int i = 0; i < m; i++) {
            double xi = alpha * x[xOff + i];
            if (xi != 0) {
                axpy(c1 - c0, xi, a, aOff + i * lda + c0, y, yOff + c0);
            }
        }
    }

    /** {@code y = alpha A x + beta y}, A symmetric n x n given by its row-major lower triangle. */
    static void symvLower(int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff, double beta,
                          double[] y, int yOff) {
        scale(n, beta, y, yOff);
        for (int i = 0; i < n; i++) {
            int row = aOff + i * lda;
            // Row i left of the diagonal: a dot product for y_i and an axpy into y_0 .. y_{i-1}.
            double s = dot(i, a, row, x, xOff);
            axpy(i, alpha * x[xOff + i], a, row, y, yOff);
            y[yOff + i] += alpha * (s + a[row + i] * x[xOff + i]);
        }
    }
}
