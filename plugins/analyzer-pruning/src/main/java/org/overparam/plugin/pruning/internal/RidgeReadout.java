package org.overparam.plugin.pruning.internal;

import org.overparam.linalg.EigenSystem;
import org.overparam.linalg.Linalg;
import org.overparam.linalg.SymmetricEigen;

/**
 * A linear read-out by ridge regression with an intercept: features and targets are centred on the
 * fit samples, then {@code W = (Phi^T Phi + rho I)^-1 Phi^T Y} through the eigendecomposition of
 * {@code Phi^T Phi = V diag(mu) V^T} (LAPACK), {@code W = V diag(1 / (mu + rho)) V^T Phi^T Y}, with
 * {@code rho = ridge * trace(Phi^T Phi) / k} (relative, so the same ridge suits any feature scale).
 * Shapes: {@code Phi} is {@code n x k} features, {@code Y} is {@code n x c} targets, row-major.
 */
final class RidgeReadout {
    private final int k;
    private final int c;
    private final double[] featureMean;
    private final double[] targetMean;
    private final double[] weights;

    private RidgeReadout(int k, int c, double[] featureMean, double[] targetMean, double[] weights) {
        this.k = k;
        this.c = c;
        this.featureMean = featureMean;
        this.targetMean = targetMean;
        this.weights = weights;
    }

    /**
     * @param phi {@code n x k} features; not modified
     * @param y {@code n x c} targets; not modified
     * @param n samples, at least 1
     * @param k features
     * @param c target columns
     * @param ridge the relative ridge, at least 0
     * @return the fitted read-out
     */
    static RidgeReadout fit(double[] phi, double[] y, int n, int k, int c, double ridge) {
        double[] mx = columnMeans(phi, n, k);
        double[] my = columnMeans(y, n, c);
        double[] xc = centred(phi, n, k, mx);
        double[] yc = centred(y, n, c, my);
        double[] a = new double[k * k];
        Linalg.syrk(true, k, n, 1.0, xc, 0.0, a);
        double tr = 0;
        for (int i = 0; i < k; i++) {
            tr += a[i * k + i];
        }
        double rho = ridge * (tr > 0 ? tr / k : 1.0);
        EigenSystem e = SymmetricEigen.decompose(k, a);
        double[] b = new double[k * c];
        Linalg.gemm(true, false, k, c, n, 1.0, xc, yc, 0.0, b);
        double[] t = new double[k * c];
        Linalg.gemm(false, false, k, c, k, 1.0, e.vectors(), b, 0.0, t);
        for (int i = 0; i < k; i++) {
            double den = e.values()[i] + rho;
            double s = den > 0 ? 1.0 / den : 0.0;
            for (int j = 0; j < c; j++) {
                t[i * c + j] *= s;
            }
        }
        double[] w = new double[k * c];
        Linalg.gemm(true, false, k, c, k, 1.0, e.vectors(), t, 0.0, w);
        return new RidgeReadout(k, c, mx, my, w);
    }

    /**
     * @param phi {@code n x k} features; not modified
     * @param n samples
     * @return {@code n x c} predictions
     */
    double[] predict(double[] phi, int n) {
        double[] xc = centred(phi, n, k, featureMean);
        double[] out = new double[n * c];
        Linalg.gemm(false, false, n, c, k, 1.0, xc, weights, 0.0, out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] += targetMean[j];
            }
        }
        return out;
    }

    private static double[] columnMeans(double[] a, int n, int k) {
        double[] m = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                m[j] += a[i * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            m[j] /= n;
        }
        return m;
    }

    private static double[] centred(double[] a, int n, int k, double[] mean) {
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                out[i * k + j] = a[i * k + j] - mean[j];
            }
        }
        return out;
    }
}
