package org.overparam.plugin.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.api.RandomStream;

/** Spearman's rho against independent computations: the no-ties formula and SciPy with ties. */
class SpearmanTest {
    @Test
    void withoutTiesItIsOneMinusSixSumDSquaredOverNNSquaredMinusOne() {
        int n = 50;
        double[] x = new double[n];
        double[] y = new double[n];
        RandomStream r = RandomStream.of(3);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = x[i] + 0.8 * r.nextGaussian();
        }
        double[] rx = ranksBySelection(x);
        double[] ry = ranksBySelection(y);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        double expected = 1 - 6 * d2 / (n * ((double) n * n - 1));
        double rho = Spearman.rho(x, y);
        assertEquals(expected, rho, 1e-14);
        assertTrue(rho > 0.5 && rho < 1, "correlated samples: " + rho);
    }

    /** Ranks by counting smaller values: O(n^2), no sort, valid without ties. */
    private static double[] ranksBySelection(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int below = 0;
            for (double w : v) {
                below += w < v[i] ? 1 : 0;
            }
            r[i] = below + 1;
        }
        return r;
    }

    @Test
    void tiesShareTheirMeanRankAsInScipy() {
        double[] x = {1, 2, 2, 3, 5, 5, 5, 8};
        double[] y = {0.3, 0.1, 0.4, 0.4, 0.9, 0.2, 0.7, 0.5};
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4, 6, 6, 6, 8}, Spearman.ranks(x), 0);
        // scipy.stats.spearmanr(x, y).statistic, SciPy 1.17.1
        assertEquals(0.5618997059516708, Spearman.rho(x, y), 1e-15);
        assertEquals(-1.0, Spearman.rho(new double[] {1, 2, 3}, new double[] {9, 4, 1}), 0);
    }

    @Test
    void aConstantSampleHasNoCorrelation() {
        assertTrue(Double.isNaN(Spearman.rho(new double[] {0.25, 0.25, 0.25}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1, 2, 3}, new double[] {0, 0, 0})));
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1}, new double[] {2})));
    }
}
