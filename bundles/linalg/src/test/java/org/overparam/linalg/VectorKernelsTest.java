package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gemv, syrk, dot and axpy against naive loops at awkward sizes, with offsets and leading
 * dimensions. Tolerance {@code 4e-14} times the inner dimension on entries in [-1, 1].
 */
class VectorKernelsTest {
    @ParameterizedTest(name = "m={0} n={1}")
    @CsvSource({"1,1", "7,1", "1,7", "7,129", "129,7", "1031,129", "129,1031", "1031,1031", "3000,700"})
    void gemvBothWays(int m, int n) {
        SplittableRandom r = new SplittableRandom(m * 31L + n);
        int lda = n + 3;
        double[] a = Reference.uniform(r, 2 + m * lda);
        for (boolean trans : new boolean[] {false, true}) {
            int xl = trans ? m : n;
            int yl = trans ? n : m;
            double[] x = Reference.uniform(r, xl + 1);
            double[] y = Reference.uniform(r, yl + 2);
            double[] expected = y.clone();
            for (int i = 0; i < yl; i++) {
                double s = 0;
                for (int p = 0; p < xl; p++) {
                    s += (trans ? a[2 + p * lda + i] : a[2 + i * lda + p]) * x[1 + p];
                }
                expected[2 + i] = 0.5 * s - 2.0 * y[2 + i];
            }
            Linalg.gemv(trans, m, n, 0.5, a, 2, lda, x, 1, -2.0, y, 2);
            assertArrayEquals(expected, y, 4e-14 * xl + 1e-15, "trans=" + trans);
        }
        if (m <= 129) {
            double[] packed = Reference.uniform(r, m * n);
            double[] x = Reference.uniform(r, n);
            double[] y = new double[m];
            y[0] = Double.NaN;
            Linalg.gemv(false, m, n, 1.0, packed, x, 0.0, y);
            double[] expected = new double[m];
            Reference.gemm(false, false, m, 1, n, 1.0, packed, 0, n, x, 0, 1, 0.0, expected, 0, 1);
            assertArrayEquals(expected, y, 4e-14 * n + 1e-15);
        }
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"1", "7", "129", "1031"})
    void symvReadsOnlyTheLowerTriangle(int n) {
        SplittableRandom r = new SplittableRandom(n + 5L);
        int lda = n + 2;
        double[] a = Reference.uniform(r, 1 + n * lda);
        double[] full = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                full[i * n + j] = i >= j ? a[1 + i * lda + j] : a[1 + j * lda + i];
            }
            for (int j = i + 1; j < n; j++) {
                a[1 + i * lda + j] = Double.NaN;
            }
        }
        double[] x = Reference.uniform(r, n);
        double[] y = Reference.uniform(r, n + 1);
        double[] expected = y.clone();
        Reference.gemm(false, false, n, 1, n, 2.0, full, 0, n, x, 0, 1, -1.0, expected, 1, 1);
        Linalg.symv(n, 2.0, a, 1, lda, x, 0, -1.0, y, 1);
        assertArrayEquals(expected, y, 4e-14 * n + 1e-15);
    }

    @ParameterizedTest(name = "n={0} k={1} beta={2}")
    @CsvSource({"1,1,0", "7,129,0", "129,7,1.5", "1031,129,0", "300,1031,-1", "65,2,0"})
    void syrkFillsBothTriangles(int n, int k, double beta) {
        SplittableRandom r = new SplittableRandom(n * 7L + k);
        for (boolean trans : new boolean[] {false, true}) {
            double[] a = Reference.uniform(r, n * k);
            double[] c = Reference.uniform(r, n * n);
            double[] expected = c.clone();
            Reference.gemm(trans, !trans, n, n, k, 0.25, a, 0, trans ? n : k, a, 0, trans ? n : k, beta, expected, 0, n);
            Linalg.syrk(trans, n, k, 0.25, a, beta, c);
            assertArrayEquals(expected, c, 4e-14 * k + 1e-15, "trans=" + trans);
        }
    }

    /**
     * Blocks whose last element is the array's last: a Gram block in the bottom-right corner of a
     * wider matrix, read from rows padded beyond k. netlib checks {@code off + n * ld - 1} for
     * syrk and symv, one padded row more than is read; the kernels must not inherit that.
     */
    @ParameterizedTest(name = "n={0} k={1}")
    @CsvSource({"1,1", "7,3", "129,65", "300,1031"})
    void blocksThatEndTheArray(int n, int k) {
        SplittableRandom r = new SplittableRandom(n * 13L + k);
        for (boolean trans : new boolean[] {false, true}) {
            int rows = trans ? k : n;
            int cols = trans ? n : k;
            int lda = cols + 5;
            double[] a = Reference.uniform(r, 2 + (rows - 1) * lda + cols);
            int ldc = n + 4;
            int cOff = 3 + 2 * ldc + 4; // C's block ends the array
            double[] c = Reference.uniform(r, cOff + (n - 1) * ldc + n);
            double[] expected = c.clone();
            Reference.gemm(trans, !trans, n, n, k, 0.5, a, 2, lda, a, 2, lda, 0.0, expected, cOff, ldc);
            Linalg.syrk(trans, n, k, 0.5, a, 2, lda, 0.0, c, cOff, ldc);
            assertArrayEquals(expected, c, 4e-14 * k + 1e-15, "syrk trans=" + trans);
        }
        int lda = n + 3;
        double[] a = Reference.uniform(r, 1 + (n - 1) * lda + n);
        double[] full = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                full[i * n + j] = i >= j ? a[1 + i * lda + j] : a[1 + j * lda + i];
            }
        }
        double[] x = Reference.uniform(r, n);
        double[] y = Reference.uniform(r, n);
        double[] expected = y.clone();
        Reference.gemm(false, false, n, 1, n, 1.5, full, 0, n, x, 0, 1, 0.5, expected, 0, 1);
        Linalg.symv(n, 1.5, a, 1, lda, x, 0, 0.5, y, 0);
        assertArrayEquals(expected, y, 4e-14 * n + 1e-15, "symv");
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"0", "1", "7", "63", "64", "129", "1031", "100003"})
    void dotAndAxpy(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] x = Reference.uniform(r, n + 3);
        double[] y = Reference.uniform(r, n + 1);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[3 + i] * y[1 + i];
        }
        assertEquals(s, Linalg.dot(n, x, 3, y, 1), 4e-15 * n + 1e-15);
        double[] expected = y.clone();
        for (int i = 0; i < n; i++) {
            expected[1 + i] += -1.25 * x[3 + i];
        }
        Linalg.axpy(n, -1.25, x, 3, y, 1);
        assertArrayEquals(expected, y, 1e-15);
        double[] u = Reference.uniform(r, n);
        double[] v = Reference.uniform(r, n);
        double w = 0;
        for (int i = 0; i < n; i++) {
            w += u[i] * v[i];
        }
        assertEquals(w, Linalg.dot(u, v), 4e-15 * n + 1e-15);
    }
}
