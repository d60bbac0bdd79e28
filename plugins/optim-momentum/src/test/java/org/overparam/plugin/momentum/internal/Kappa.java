package org.overparam.plugin.momentum.internal;

import org.overparam.api.Config;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.testkit.FakeContext;
import org.overparam.testkit.Quadratic;

/**
 * A strongly convex quadratic {@code F(w) = 1/2 w^T A w - b^T w} in R^10 with condition number
 * kappa: A = Q diag(lambda) Q^T, lambda log-spaced from 1 to kappa, Q an orthogonal matrix from
 * Gram-Schmidt on a seeded Gaussian matrix, and a seeded minimizer w* (b = A w*).
 */
final class Kappa {
    static final int DIM = 10;
    final double kappa;
    final double[][] a = new double[DIM][DIM];
    final double[] star = new double[DIM];
    final Quadratic quadratic;

    Kappa(double kappa) {
        this.kappa = kappa;
        RandomStream r = RandomStream.of(2107);
        double[][] q = new double[DIM][DIM];
        for (double[] row : q) {
            r.fillGaussian(row, 1.0);
        }
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < i; j++) {
                double d = 0;
                for (int k = 0; k < DIM; k++) {
                    d += q[i][k] * q[j][k];
                }
                for (int k = 0; k < DIM; k++) {
                    q[i][k] -= d * q[j][k];
                }
            }
            double nrm = 0;
            for (int k = 0; k < DIM; k++) {
                nrm += q[i][k] * q[i][k];
            }
            for (int k = 0; k < DIM; k++) {
                q[i][k] /= Math.sqrt(nrm);
            }
        }
        for (int e = 0; e < DIM; e++) {
            double lambda = Math.pow(kappa, (double) e / (DIM - 1));
            for (int i = 0; i < DIM; i++) {
                for (int j = 0; j < DIM; j++) {
                    a[i][j] += q[e][i] * lambda * q[e][j];
                }
            }
        }
        r.fillGaussian(star, 1.0);
        double[] b = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM; j++) {
                b[i] += a[i][j] * star[j];
            }
        }
        quadratic = new Quadratic(a, b);
    }

    /** @return the error norms {@code ||w_t - w*||} of {@code steps} steps of the optimizer from 0 */
    double[] errors(org.overparam.api.Optimizer optimizer, FakeContext ctx, int steps) {
        Params target = quadratic.point(star);
        double[] e = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            e[t] = ctx.params().copy().axpy(-1, target).norm();
            if (t < steps) {
                ctx.run(optimizer, 1);
            }
        }
        return e;
    }

    /** @return a context at w = 0 with this config */
    FakeContext start(Config config) {
        return new FakeContext(quadratic.point(new double[DIM]), quadratic, config);
    }
}
