package org.overparam.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The k = 1, beta = 0 gemm: bit for bit {@code fma(alpha, fma(a_i, b_j, +0), +0)} (a zero product
 * is {@code +0}), and bit for bit the general gemm of this JVM's path (native, Vector API or
 * plain-Java kernels: surefire runs this class on each) for alpha = 1, the dense layers' case, and
 * for the register-tile kernels at any alpha. C's old values, NaN included, are ignored. Operands
 * carry zeros of both signs so that the sign of a zero product is checked too.
 */
class OuterProductTest {
    @ParameterizedTest(name = "m={0} n={1} tA={2} tB={3} alpha={4}")
    @CsvSource({
        "100, 2000, false, false, 1.0", "100, 2000, true, true, 1.0", "7, 13, false, true, -0.75",
        "13, 7, true, false, 3.0", "1, 1, false, false, 1.0", "5, 33, true, true, -2.5"
    })
    void writesEachProductRoundedAsTheGeneralGemm(int m, int n, boolean tA, boolean tB, double alpha) {
        SplittableRandom r = new SplittableRandom(31L * m + n);
        int lda = tA ? m + 2 : 3;
        int ldb = tB ? 4 : n + 1;
        int ldc = n + 3;
        int aOff = 2;
        int bOff = 1;
        int cOff = 5;
        double[] a = values(r, aOff + (tA ? lda : m * lda));
        double[] b = values(r, bOff + (tB ? n * ldb : ldb));
        double[] c = new double[cOff + m * ldc];
        java.util.Arrays.fill(c, Double.NaN);
        double[] general = c.clone();

        OuterProduct.overwrite(tA, tB, m, n, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        Kernels.get().dgemm(tA, tB, m, n, 1, alpha, a, aOff, lda, b, bOff, ldb, 0.0, general, cOff, ldc);

        boolean tileKernels = !Backend.get().description().contains(" tiled");
        for (int i = 0; i < m; i++) {
            double ai = tA ? a[aOff + i] : a[aOff + i * lda];
            for (int j = 0; j < n; j++) {
                double bj = tB ? b[bOff + j * ldb] : b[bOff + j];
                int at = cOff + i * ldc + j;
                double expected = Math.fma(alpha, Math.fma(ai, bj, 0.0), 0.0);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(c[at]),
                        "C[" + i + "," + j + "]");
                if (alpha == 1.0 || tileKernels) {
                    assertEquals(Double.doubleToRawLongBits(general[at]), Double.doubleToRawLongBits(c[at]),
                            "C[" + i + "," + j + "] against the general gemm");
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertEquals(Double.NaN, c[cOff + i * ldc + j], "padding C[" + i + "," + j + "] untouched");
            }
        }
    }

    /** Uniform in [-1, 1), with every fifth value a zero of alternating sign. */
    private static double[] values(SplittableRandom r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = i % 5 == 0 ? (i % 10 == 0 ? 0.0 : -0.0) : 2 * r.nextDouble() - 1;
        }
        return x;
    }
}
