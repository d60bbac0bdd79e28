package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lanczos against LAPACK's dsyevd on random symmetric matrices (Gaussian, and a Gram matrix with a
 * decaying spectrum), and on a matrix-free diagonal operator with a known spectrum. Values agree
 * to {@code 1e-8} relative to the spectral norm; Ritz vectors have residual below
 * {@code 1e-7} times the norm.
 */
class LanczosTest {
    private static double[] randomSymmetric(int n, SplittableRandom r) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = Reference.gaussian(r);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {5, 60, 400})
    void extremesMatchDsyevd(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] a = randomSymmetric(n, r);
        double[] all = SymmetricEigen.values(n, a);
        double norm = Math.max(Math.abs(all[0]), Math.abs(all[n - 1]));
        int k = Math.min(5, n);
        LanczosResult top = Lanczos.extremes(SymmetricOperator.of(a, n), n, k, Lanczos.Which.LARGEST, 42);
        LanczosResult bottom = Lanczos.extremes(SymmetricOperator.of(a, n), n, k, Lanczos.Which.SMALLEST, 42);
        assertTrue(top.converged() && bottom.converged());
        for (int i = 0; i < k; i++) {
            assertEquals(all[n - 1 - i], top.values()[i], 1e-8 * norm, "largest " + i);
            assertEquals(all[i], bottom.values()[i], 1e-8 * norm, "smallest " + i);
        }
    }

    @Test
    void gramMatrixTopFiveWithVectors() {
        int n = 500;
        int d = 60;
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = Reference.gaussian(r) / (1 + i % d);
        }
        double[] g = new double[n * n];
        Linalg.syrk(false, n, d, 1.0, x, 0.0, g);
        double[] all = SymmetricEigen.values(n, g);
        LanczosResult res = Lanczos.extremes(SymmetricOperator.of(g, n), n, 5, Lanczos.Which.LARGEST, 7, 1e-10, 200, true);
        assertTrue(res.converged());
        double norm = all[n - 1];
        double[] y = new double[n];
        for (int i = 0; i < 5; i++) {
            assertEquals(all[n - 1 - i], res.values()[i], 1e-8 * norm);
            double[] v = res.eigen().vector(i);
            assertEquals(1.0, Linalg.dot(v, v), 1e-10);
            Linalg.gemv(false, n, n, 1.0, g, v, 0.0, y);
            Linalg.axpy(-res.values()[i], v, y);
            assertTrue(Math.sqrt(Linalg.dot(y, y)) < 1e-7 * norm, "Ritz residual " + i);
        }
    }

    @Test
    void matrixFreeOperatorWithKnownSpectrum() {
        int n = 2000;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = 1.0 / (1 + i) - 0.5 * (i == n - 1 ? 1 : 0);
        }
        SymmetricOperator op = (x, y) -> {
            for (int i = 0; i < n; i++) {
                y[i] = diag[i] * x[i];
            }
        };
        LanczosResult top = Lanczos.extremes(op, n, 3, Lanczos.Which.LARGEST, 1);
        assertArrayEquals(new double[] {1.0, 0.5, 1.0 / 3}, top.values(), 1e-9);
        LanczosResult bottom = Lanczos.extremes(op, n, 1, Lanczos.Which.SMALLEST, 1);
        assertEquals(1.0 / n - 0.5, bottom.values()[0], 1e-9);
    }

    @Test
    void sameSeedSameBits() {
        int n = 200;
        double[] a = randomSymmetric(n, new SplittableRandom(9));
        LanczosResult one = Lanczos.extremes(SymmetricOperator.of(a, n), n, 4, Lanczos.Which.LARGEST, 5);
        LanczosResult two = Lanczos.extremes(SymmetricOperator.of(a, n), n, 4, Lanczos.Which.LARGEST, 5);
        assertArrayEquals(one.values(), two.values(), 0.0);
        assertEquals(one.iterations(), two.iterations());
    }
}
