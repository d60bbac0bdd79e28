package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * gemm and sgemm against the textbook triple loop, on whichever path this JVM chose (surefire runs
 * the class twice: automatic, and with {@code overparam.linalg=java}). Sizes cover 1, 7, 129 and
 * 1031, non-square shapes, every transpose, offsets and padded leading dimensions, and the
 * pure-Java tile boundaries (1000 rows, 2048 columns, 500 inner). Tolerance: {@code 4e-14 k} on
 * entries in [-1, 1] (double), {@code 2e-6 k} (float).
 */
class GemmTest {
    static Stream<Arguments> shapes() {
        int[][] mnk = {
            {1, 1, 1}, {7, 7, 7}, {1, 129, 7}, {129, 1, 7}, {7, 129, 1}, {129, 129, 129}, {31, 17, 1031},
            {1031, 7, 129}, {7, 1031, 129}, {129, 129, 1031}, {1001, 33, 501}, {9, 2049, 65}, {1031, 129, 520},
            {130, 100, 100}, {2, 3, 1000}
        };
        Stream.Builder<Arguments> b = Stream.builder();
        int id = 0;
        for (int[] s : mnk) {
            for (int t = 0; t < 4; t++) {
                b.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, id++));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4}")
    @MethodSource("shapes")
    void gemmMatchesTheTripleLoop(int m, int n, int k, boolean tA, boolean tB, int id) {
        SplittableRandom r = new SplittableRandom(1000 + id);
        int padA = id % 3;
        int padB = (id + 1) % 3;
        int padC = (id + 2) % 4;
        int aRows = tA ? k : m;
        int aCols = tA ? m : k;
        int bRows = tB ? n : k;
        int bCols = tB ? k : n;
        int lda = aCols + padA;
        int ldb = bCols + padB;
        int ldc = n + padC;
        int aOff = id % 5;
        int bOff = id % 4;
        int cOff = id % 3;
        double[] a = Reference.uniform(r, aOff + aRows * lda);
        double[] b = Reference.uniform(r, bOff + bRows * ldb);
        double[] c = Reference.uniform(r, cOff + m * ldc + 2);
        double alpha = id % 2 == 0 ? 1.0 : -0.75;
        double beta = id % 3 == 0 ? 0.0 : 1.5;
        if (beta == 0) {
            for (int i = 0; i < m; i++) {
                c[cOff + i * ldc] = Double.NaN;
            }
        }
        double[] expected = c.clone();
        Reference.gemm(tA, tB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, expected, cOff, ldc);
        Linalg.gemm(tA, tB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        assertArrayEquals(expected, c, 4e-14 * k + 1e-15, "gemm on " + Linalg.implementation());
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} tA={3} tB={4}")
    @MethodSource("shapes")
    void sgemmMatchesTheTripleLoop(int m, int n, int k, boolean tA, boolean tB, int id) {
        SplittableRandom r = new SplittableRandom(2000 + id);
        int lda = (tA ? m : k) + id % 2;
        int ldb = (tB ? k : n) + id % 3;
        float[] a = Reference.uniformFloat(r, 1 + (tA ? k : m) * lda);
        float[] b = Reference.uniformFloat(r, 2 + (tB ? n : k) * ldb);
        float[] c = Reference.uniformFloat(r, m * n);
        double[] ad = new double[a.length];
        double[] bd = new double[b.length];
        double[] cd = new double[c.length];
        Elementwise.toDouble(a.length, a, ad);
        Elementwise.toDouble(b.length, b, bd);
        Elementwise.toDouble(c.length, c, cd);
        Reference.gemm(tA, tB, m, n, k, 0.5, ad, 1, lda, bd, 2, ldb, -1.0, cd, 0, n);
        Linalg.sgemm(tA, tB, m, n, k, 0.5f, a, 1, lda, b, 2, ldb, -1.0f, c, 0, n);
        for (int i = 0; i < c.length; i++) {
            assertEquals(cd[i], c[i], 2e-6 * k + 1e-6, "sgemm entry " + i);
        }
    }

    @Test
    void packedOverloadsAndDegenerateSizes() {
        SplittableRandom r = new SplittableRandom(7);
        double[] a = Reference.uniform(r, 7 * 129);
        double[] b = Reference.uniform(r, 129 * 5);
        double[] c = new double[7 * 5];
        double[] expected = new double[7 * 5];
        Reference.gemm(false, false, 7, 5, 129, 1.0, a, 0, 129, b, 0, 5, 0.0, expected, 0, 5);
        Linalg.gemm(false, false, 7, 5, 129, 1.0, a, b, 0.0, c);
        assertArrayEquals(expected, c, 1e-12);
        // k = 0: C = beta C; beta = 0 clears NaN.
        double[] d = {Double.NaN, 2, 3, 4};
        Linalg.gemm(false, false, 2, 2, 0, 1.0, new double[0], new double[0], 0.0, d);
        assertArrayEquals(new double[] {0, 0, 0, 0}, d, 0.0);
        double[] e = {1, 2, 3, 4};
        Linalg.gemm(true, true, 2, 2, 0, 1.0, new double[0], new double[0], 2.0, e);
        assertArrayEquals(new double[] {2, 4, 6, 8}, e, 0.0);
        Linalg.gemm(false, false, 0, 3, 4, 1.0, new double[0], new double[12], 1.0, new double[0]);
        float[] f = {Float.NaN, 1};
        Linalg.sgemm(false, false, 1, 2, 1, 0f, new float[] {1}, new float[] {1, 1}, 0f, f);
        assertArrayEquals(new float[] {0, 0}, f, 0f);
    }

    @Test
    void outOfBoundsIsRefusedBeforeAnyKernelRuns() {
        double[] a = new double[12];
        assertThrows(IndexOutOfBoundsException.class,
                () -> Linalg.gemm(false, false, 4, 4, 4, 1.0, a, 0, 4, new double[16], 0, 4, 0.0, new double[16], 0, 4));
        assertThrows(IllegalArgumentException.class,
                () -> Linalg.gemm(false, false, 2, 2, 4, 1.0, new double[8], 0, 3, new double[8], 0, 2, 0.0, new double[4], 0, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Linalg.gemv(false, 3, 3, 1.0, new double[9], new double[2], 0.0, new double[3]));
    }

    @Test
    void theJavaPathDoesNotDependOnTilingOrWarmUp() {
        SplittableRandom r = new SplittableRandom(13);
        int m = 131;
        int n = 127;
        int k = 300;
        double[] a = Reference.uniform(r, m * k);
        double[] b = Reference.uniform(r, k * n);
        float[] af = Reference.uniformFloat(r, m * k);
        float[] bf = Reference.uniformFloat(r, k * n);
        double[] whole = new double[m * n];
        float[] wholeF = new float[m * n];
        Linalg.gemm(false, false, m, n, k, 1.0, a, b, 0.0, whole);
        Linalg.sgemm(false, false, m, n, k, 1f, af, bf, 0f, wholeF);
        for (int rep = 0; rep < 100; rep++) {
            double[] again = new double[m * n];
            float[] againF = new float[m * n];
            Linalg.gemm(false, false, m, n, k, 1.0, a, b, 0.0, again);
            Linalg.sgemm(false, false, m, n, k, 1f, af, bf, 0f, againF);
            assertArrayEquals(whole, again, 0.0, "repetition " + rep);
            assertArrayEquals(wholeF, againF, 0f, "repetition " + rep);
        }
        if (!Linalg.isNative()) {
            // Rows computed in separate calls (another split among threads) give the same bits.
            double[] byRows = new double[m * n];
            for (int i0 = 0; i0 < m; i0 += 17) {
                int rows = Math.min(17, m - i0);
                Linalg.gemm(false, false, rows, n, k, 1.0, a, i0 * k, k, b, 0, n, 0.0, byRows, i0 * n, n);
            }
            assertArrayEquals(whole, byRows, 0.0);
        }
    }

    @Test
    void resultsAreTheSameRunToRun() {
        SplittableRandom r = new SplittableRandom(11);
        int m = 300;
        int n = 260;
        int k = 700;
        double[] a = Reference.uniform(r, m * k);
        double[] b = Reference.uniform(r, n * k);
        double[] c1 = new double[m * n];
        double[] c2 = new double[m * n];
        Linalg.gemm(false, true, m, n, k, 1.0, a, b, 0.0, c1);
        Linalg.gemm(false, true, m, n, k, 1.0, a, b, 0.0, c2);
        assertArrayEquals(c1, c2, 0.0);
        double[] g1 = new double[m * m];
        double[] g2 = new double[m * m];
        Linalg.syrk(false, m, k, 1.0, a, 0.0, g1);
        Linalg.syrk(false, m, k, 1.0, a, 0.0, g2);
        assertArrayEquals(g1, g2, 0.0);
    }
}
