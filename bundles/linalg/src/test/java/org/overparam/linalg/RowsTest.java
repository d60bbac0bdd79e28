package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row kernels on small hand-computed cases and the minimum distance against brute force. */
class RowsTest {
    @Test
    void unitRowsHaveNormOneAndAZeroRowIsReported() {
        double[] x = {3, 4, 0, 0, 0, 2};
        assertEquals(1, Rows.unitNormalize(x, 3, 2));
        assertArrayEquals(new double[] {0.6, 0.8, 0, 0, 0, 1}, x, 1e-15);
        double[] y = {1, 0, 0, -2};
        assertEquals(-1, Rows.unitNormalize(y, 2, 2));
        assertArrayEquals(new double[] {1, 0, 0, -1}, y, 0.0);
    }

    @Test
    void centeringAndStandardizingUseTheTrainingStatisticsForTheTestRows() {
        // Columns: mean 2 and 5, population sd 1 and 0 (constant).
        double[] train = {1, 5, 3, 5};
        double[] test = {4, 7};
        Rows.center(train, 2, test, 1, 2);
        assertArrayEquals(new double[] {-1, 0, 1, 0}, train, 0.0);
        assertArrayEquals(new double[] {2, 2}, test, 0.0);

        double[] train2 = {1, 5, 3, 5};
        double[] test2 = {4, 7};
        Rows.standardize(train2, 2, test2, 1, 2);
        assertArrayEquals(new double[] {-1, 0, 1, 0}, train2, 0.0);
        assertArrayEquals(new double[] {2, 0}, test2, 0.0);
    }

    @Test
    void minDistanceMatchesBruteForceAcrossPanels() {
        int n = 600;
        int d = 5;
        double[] x = new double[n * d];
        Random r = new Random(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        assertEquals(bruteForce(x, n, d), Rows.minDistance(x, n, d), 1e-12);
        // A repeated row in the last panel: distance 0.
        System.arraycopy(x, 3 * d, x, (n - 1) * d, d);
        assertEquals(0.0, Rows.minDistance(x, n, d), 1e-7);
        assertEquals(5.0, Rows.minDistance(new double[] {0, 0, 3, 4}, 2, 2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Rows.minDistance(new double[] {1, 2}, 1, 2));
    }

    private static double bruteForce(double[] x, int n, int d) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double e = x[i * d + k] - x[j * d + k];
                    s += e * e;
                }
                min = Math.min(min, s);
            }
        }
        return Math.sqrt(min);
    }
}
