package org.overparam.plugin.pruning.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.overparam.api.RandomStream;

/** The ridge read-out: exact on noiseless linear data without ridge, equal to naive normal equations with it. */
class RidgeReadoutTest {
    @Test
    void recoversAnExactLinearMapWithIntercept() {
        RandomStream r = RandomStream.of(3);
        int n = 20;
        int k = 4;
        double[] phi = new double[n * k];
        r.fillGaussian(phi, 1.0);
        double[] w = {1.5, -2, 0.25, 3, 0.5, 1, -1, 2};
        double[] y = new double[n * 2];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                double s = c == 0 ? 0.7 : -1.1;
                for (int j = 0; j < k; j++) {
                    s += phi[i * k + j] * w[j * 2 + c];
                }
                y[i * 2 + c] = s;
            }
        }
        RidgeReadout fit = RidgeReadout.fit(phi, y, n, k, 2, 0.0);
        assertArrayEquals(y, fit.predict(phi, n), 1e-10);
    }

    @Test
    void theRidgeSolutionSolvesTheRegularizedNormalEquations() {
        RandomStream r = RandomStream.of(4);
        int n = 9;
        int k = 3;
        double[] phi = new double[n * k];
        double[] y = new double[n];
        r.fillGaussian(phi, 1.0);
        r.fillGaussian(y, 1.0);
        double ridge = 0.1;
        RidgeReadout fit = RidgeReadout.fit(phi, y, n, k, 1, ridge);
        // Reference: centre, then solve (Xc^T Xc + rho I) w = Xc^T yc by Gaussian elimination.
        double[] mx = new double[k];
        double my = 0;
        for (int i = 0; i < n; i++) {
            my += y[i] / n;
            for (int j = 0; j < k; j++) {
                mx[j] += phi[i * k + j] / n;
            }
        }
        double[][] a = new double[k][k + 1];
        double tr = 0;
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                for (int i = 0; i < n; i++) {
                    a[p][q] += (phi[i * k + p] - mx[p]) * (phi[i * k + q] - mx[q]);
                }
            }
            tr += a[p][p];
            for (int i = 0; i < n; i++) {
                a[p][k] += (phi[i * k + p] - mx[p]) * (y[i] - my);
            }
        }
        for (int p = 0; p < k; p++) {
            a[p][p] += ridge * tr / k;
        }
        for (int p = 0; p < k; p++) {
            for (int q = p + 1; q < k; q++) {
                double f = a[q][p] / a[p][p];
                for (int c = p; c <= k; c++) {
                    a[q][c] -= f * a[p][c];
                }
            }
        }
        double[] sol = new double[k];
        for (int p = k - 1; p >= 0; p--) {
            double s = a[p][k];
            for (int c = p + 1; c < k; c++) {
                s -= a[p][c] * sol[c];
            }
            sol[p] = s / a[p][p];
        }
        double[] probe = {0.3, -1, 2};
        double expected = my;
        for (int j = 0; j < k; j++) {
            expected += (probe[j] - mx[j]) * sol[j];
        }
        assertEquals(expected, fit.predict(probe, 1)[0], 1e-12);
    }
}
