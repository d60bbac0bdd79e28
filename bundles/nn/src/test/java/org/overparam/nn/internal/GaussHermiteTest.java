package org.overparam.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.nn.Nonlinearity;

/**
 * The Gauss–Hermite rule: exact on polynomials (Isserlis' theorem), and the error bounds stated in
 * {@link GaussHermite}'s javadoc over {@code k11, k22 in {0.5, 1, 2}}, correlations in
 * {-0.95, -0.5, 0, 0.3, 0.8, 0.95}: erf against its closed form (2e-13, 7e-12 measured), softplus
 * (3e-15) and tanh (6e-9, 1.1e-7) against a 180-node rule, ReLU against the arc-cosine closed form
 * (the kink: 3e-3 and 1e-2 measured, stated).
 */
class GaussHermiteTest {
    private static final double[] VARIANCES = {0.5, 1, 2};
    private static final double[] RHOS = {-0.95, -0.5, 0, 0.3, 0.8, 0.95};

    /** {@code z^2} with "derivative" {@code z^3}: E[u^2 v^2] and E[u^3 v^3] have closed forms. */
    private static final Nonlinearity CUBIC = new Nonlinearity() {
        @Override
        public String key() {
            return "square";
        }

        @Override
        public double value(double z) {
            return z * z;
        }

        @Override
        public double first(double z) {
            return z * z * z;
        }

        @Override
        public double second(double z) {
            return 3 * z * z;
        }
    };

    @Test
    void weightsSumToSqrtPiAndPolynomialsAreExact() {
        double s = 0;
        for (double w : GaussHermite.DEFAULT.weights()) {
            s += w;
        }
        assertEquals(Math.sqrt(Math.PI), s, 1e-13);
        double[] q = new double[2];
        GaussHermite.DEFAULT.expectations(CUBIC, 1.5, 0.7, 0.8, q);
        assertEquals(1.5 * 0.8 + 2 * 0.7 * 0.7, q[0], 1e-12);
        assertEquals(9 * 1.5 * 0.8 * 0.7 + 6 * 0.7 * 0.7 * 0.7, q[1], 1e-12);
    }

    /** @return the largest absolute difference of the two expectations (index 0 and 1) over the grid */
    private static double[] maxError(Nonlinearity phi, GaussHermite a, GaussHermite b) {
        double[] e = new double[2];
        double[] x = new double[2];
        double[] y = new double[2];
        for (double k11 : VARIANCES) {
            for (double k22 : VARIANCES) {
                for (double rho : RHOS) {
                    double k12 = rho * Math.sqrt(k11 * k22);
                    a.expectations(phi, k11, k12, k22, x);
                    if (b == null) {
                        phi.expectations(k11, k12, k22, y);
                    } else {
                        b.expectations(phi, k11, k12, k22, y);
                    }
                    e[0] = Math.max(e[0], Math.abs(x[0] - y[0]));
                    e[1] = Math.max(e[1], Math.abs(x[1] - y[1]));
                }
            }
        }
        return e;
    }

    @Test
    void smoothActivationsMeetTheStatedBounds() {
        double[] erf = maxError(Nonlinearity.ERF, GaussHermite.DEFAULT, null);
        assertTrue(erf[0] < 1e-12 && erf[1] < 1e-11, erf[0] + " " + erf[1]);
        GaussHermite fine = new GaussHermite(180);
        double[] softplus = maxError(Nonlinearity.SOFTPLUS, GaussHermite.DEFAULT, fine);
        assertTrue(softplus[0] < 1e-13 && softplus[1] < 1e-13, softplus[0] + " " + softplus[1]);
        double[] tanh = maxError(Nonlinearity.TANH, GaussHermite.DEFAULT, fine);
        assertTrue(tanh[0] < 1e-8 && tanh[1] < 2e-7, tanh[0] + " " + tanh[1]);
    }

    @Test
    void tooManyNodesAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GaussHermite(181));
    }

    @Test
    void aKinkConvergesSlowlyWhichIsWhyReluHasItsClosedForm() {
        double[] e = maxError(Nonlinearity.RELU, GaussHermite.DEFAULT, null);
        assertTrue(e[0] < 1e-2 && e[1] < 3e-2, e[0] + " " + e[1]);
        assertTrue(e[1] > 1e-4, "the kink's error is not small: " + e[1]);
    }
}
