package org.overparam.linalg;

import java.util.SplittableRandom;

/** Naive references and random fills for the kernel tests. */
final class Reference {
    private Reference() {
    }

    static double[] uniform(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    static float[] uniformFloat(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        return x;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Row-major op(A)[i, p]. */
    static double opA(boolean trans, double[] a, int off, int ld, int i, int p) {
        return trans ? a[off + p * ld + i] : a[off + i * ld + p];
    }

    /** The textbook triple loop, summed in index order. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                     int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += opA(transA, a, aOff, lda, i, p) * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
                double old = beta == 0 ? 0 : beta * c[cOff + i * ldc + j];
                c[cOff + i * ldc + j] = alpha * s + old;
            }
        }
    }

    /** A random orthogonal n x n matrix: modified Gram–Schmidt on Gaussian rows. */
    static double[] orthogonal(SplittableRandom r, int n) {
        double[] q = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            q[i] = gaussian(r);
        }
        for (int i = 0; i < n; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double d = 0;
                    for (int t = 0; t < n; t++) {
                        d += q[i * n + t] * q[j * n + t];
                    }
                    for (int t = 0; t < n; t++) {
                        q[i * n + t] -= d * q[j * n + t];
                    }
                }
            }
            double norm = 0;
            for (int t = 0; t < n; t++) {
                norm += q[i * n + t] * q[i * n + t];
            }
            norm = Math.sqrt(norm);
            for (int t = 0; t < n; t++) {
                q[i * n + t] /= norm;
            }
        }
        return q;
    }

    /** {@code Q^T diag(lambda) Q} for an orthogonal Q whose rows are the eigenvectors. */
    static double[] withSpectrum(double[] q, double[] lambda, int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < n; t++) {
                    s += q[t * n + i] * lambda[t] * q[t * n + j];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
