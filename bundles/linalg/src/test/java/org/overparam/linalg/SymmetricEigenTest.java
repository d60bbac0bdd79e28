package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * LAPACK eigenvalues against a known spectrum: {@code A = Q^T diag(lambda) Q} with a random
 * orthogonal Q, lambda spread over [-3, 5] with a repeated pair. Tolerance {@code 1e-12 n}
 * absolute on values; eigenvectors checked by {@code ||A v - lambda v|| <= 1e-11 n} and
 * orthonormality to {@code 1e-12 n}.
 */
class SymmetricEigenTest {
    private static double[] spectrum(int n, SplittableRandom r) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = -3 + 8 * r.nextDouble();
        }
        if (n > 3) {
            lambda[1] = lambda[2];
        }
        return lambda;
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 7, 129, 300})
    void allValuesMatchTheKnownSpectrum(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] lambda = spectrum(n, r);
        double[] a = Reference.withSpectrum(Reference.orthogonal(r, n), lambda, n);
        double[] copy = a.clone();
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, SymmetricEigen.values(n, a), 1e-12 * n + 1e-14);
        assertArrayEquals(copy, a, 0.0, "input untouched");

        EigenSystem all = SymmetricEigen.decompose(n, a);
        assertArrayEquals(sorted, all.values(), 1e-12 * n + 1e-14);
        checkVectors(n, a, all);
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {7, 129, 300})
    void indexRangeWithAndWithoutVectors(int n) {
        SplittableRandom r = new SplittableRandom(100 + n);
        double[] lambda = spectrum(n, r);
        double[] a = Reference.withSpectrum(Reference.orthogonal(r, n), lambda, n);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        int from = n / 3;
        int to = n - 1;
        double[] expected = Arrays.copyOfRange(sorted, from, to);
        assertArrayEquals(expected, SymmetricEigen.values(n, a, from, to), 1e-12 * n + 1e-14);
        EigenSystem part = SymmetricEigen.decompose(n, a, from, to);
        assertArrayEquals(expected, part.values(), 1e-12 * n + 1e-14);
        checkVectors(n, a, part);
        assertEquals(0, SymmetricEigen.values(n, a, 2, 2).length);
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        double[] a = {2, 99, 1, 2};
        assertArrayEquals(new double[] {1, 3}, SymmetricEigen.values(2, a), 1e-14);
    }

    @Test
    void badRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.values(3, new double[9], 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> SymmetricEigen.values(3, new double[8]));
    }

    private static void checkVectors(int n, double[] a, EigenSystem e) {
        double[] av = new double[n];
        for (int i = 0; i < e.count(); i++) {
            double[] v = e.vector(i);
            Linalg.gemv(false, n, n, 1.0, a, v, 0.0, av);
            double res = 0;
            for (int t = 0; t < n; t++) {
                res = Math.max(res, Math.abs(av[t] - e.values()[i] * v[t]));
            }
            assertEquals(0, res, 1e-11 * n, "residual of pair " + i);
            for (int j = 0; j <= i; j++) {
                assertEquals(i == j ? 1 : 0, Linalg.dot(v, e.vector(j)), 1e-12 * n, "orthonormality " + i + "," + j);
            }
        }
    }
}
