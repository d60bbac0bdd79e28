package org.overparam.plugin.losses.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Loss;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;

/** Batches and finite differences for the loss tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** @return n samples of k outputs, N(0, 1) targets, labels in [0, k) (or none) */
    static Batch batch(int n, int k, boolean labels, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] y = new double[n * k];
        int[] l = labels ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            if (labels) {
                l[i] = r.nextInt(k);
                y[i * k + l[i]] = 1;
            } else {
                for (int c = 0; c < k; c++) {
                    y[i * k + c] = r.nextGaussian();
                }
            }
        }
        return new Batch(Shape.of(1), n, new double[n], k, y, l);
    }

    static double[] gaussian(int size, double sigma, long seed) {
        double[] v = new double[size];
        RandomStream.of(seed).fillGaussian(v, sigma);
        return v;
    }

    /** @return the central-difference gradient of the loss in the outputs */
    static double[] numericGradient(Loss loss, Config c, Batch b, double[] f, double h) {
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            double[] p = f.clone();
            p[i] += h;
            double[] m = f.clone();
            m[i] -= h;
            g[i] = (loss.evaluate(c, b, p, null) - loss.evaluate(c, b, m, null)) / (2 * h);
        }
        return g;
    }

    /** @return the central difference of gradients along v */
    static double[] numericHessianVector(Loss loss, Config c, Batch b, double[] f, double[] v, double h) {
        double[] p = f.clone();
        double[] m = f.clone();
        for (int i = 0; i < f.length; i++) {
            p[i] += h * v[i];
            m[i] -= h * v[i];
        }
        double[] gp = new double[f.length];
        double[] gm = new double[f.length];
        loss.evaluate(c, b, p, gp);
        loss.evaluate(c, b, m, gm);
        for (int i = 0; i < f.length; i++) {
            gp[i] = (gp[i] - gm[i]) / (2 * h);
        }
        return gp;
    }

    /** @return max|a - b| / max|b| */
    static double relative(double[] a, double[] b) {
        double e = 0;
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            e = Math.max(e, Math.abs(a[i] - b[i]));
            m = Math.max(m, Math.abs(b[i]));
        }
        return e / m;
    }

    /**
     * Asserts that the loss's gradient at f and its Hessian-vector product along an N(0, 1) direction
     * of seed {@code directionSeed} match central differences of step 1e-5 within {@code tolerance},
     * relative ({@link #relative}).
     */
    static void assertDerivativesMatchFiniteDifferences(Loss loss, Config c, Batch b, double[] f, long directionSeed,
                                                        double tolerance) {
        double[] g = new double[f.length];
        loss.evaluate(c, b, f, g);
        assertTrue(relative(g, numericGradient(loss, c, b, f, 1e-5)) < tolerance);
        double[] v = gaussian(f.length, 1, directionSeed);
        double[] hv = new double[f.length];
        loss.hessianVector(c, b, f, v, hv);
        assertTrue(relative(hv, numericHessianVector(loss, c, b, f, v, 1e-5)) < tolerance);
    }
}
