package org.overparam.nn.internal;

import org.overparam.nn.Nonlinearity;

/**
 * Gaussian expectations {@code E[f(u) g(v)]}, {@code (u, v) ~ N(0, [[k11, k12], [k12, k22]])}, by
 * a tensor-product Gauss–Hermite rule of {@code m x m} nodes on the Cholesky factor:
 * {@code u = sqrt(2 k11) t_a}, {@code v = sqrt(2 k22) (rho t_a + sqrt(1 - rho^2) t_b)},
 * {@code E ~ (1/pi) sum_ab w_a w_b f(u) g(v)}. Nodes and weights come from Newton's method on the
 * Hermite recurrence (Golub and Welsch give the same nodes).
 *
 * <p>Error: the rule is exact for polynomials of degree below {@code 2m} in each variable. For
 * {@link #DEFAULT} ({@code m = 96}), measured over {@code k11, k22 in [0.5, 2]} and correlations up
 * to 0.95 in absolute value: against erf's closed form at most 2e-13 absolute for
 * {@code E[phi phi]} and 7e-12 for {@code E[phi' phi']}; against a 180-node rule, softplus to
 * 3e-15 and tanh to 6e-9 and 1.1e-7 (tanh's poles at {@code +-i pi/2} slow it down). A kink
 * converges only algebraically: for ReLU the error is about 3e-3 and 1e-2, which is why ReLU uses
 * its closed form. Larger variances make smooth
 * activations steeper on the nodes' scale and the error grows. {@code GaussHermiteTest} asserts
 * these bounds. Cost: {@code m^2} evaluations of the activation and its derivative per pair.
 */
public final class GaussHermite {
    /** The rule the activations without a closed form use: 96 x 96 nodes. */
    public static final GaussHermite DEFAULT = new GaussHermite(96);

    private final double[] nodes;
    private final double[] weights;

    /** @param m nodes per axis, 1 to 180 (beyond, the node recurrence underflows in double) */
    public GaussHermite(int m) {
        if (m < 1 || m > 180) {
            throw new IllegalArgumentException("Gauss-Hermite nodes: " + m + " is outside [1, 180]");
        }
        nodes = new double[m];
        weights = new double[m];
        solve(m, nodes, weights);
    }

    /** @return the nodes (weight {@code e^(-t^2)}), a copy */
    public double[] nodes() {
        return nodes.clone();
    }

    /** @return the weights, a copy; they sum to {@code sqrt(pi)} */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * @param phi the activation
     * @param k11 the variance of u, at least 0
     * @param k12 the covariance
     * @param k22 the variance of v, at least 0
     * @param out receives {@code E[phi(u) phi(v)]} at 0 and {@code E[phi'(u) phi'(v)]} at 1
     */
    public void expectations(Nonlinearity phi, double k11, double k12, double k22, double[] out) {
        double s1 = Math.sqrt(2 * Math.max(k11, 0));
        double s2 = Math.sqrt(2 * Math.max(k22, 0));
        double denom = Math.sqrt(Math.max(k11, 0) * Math.max(k22, 0));
        double rho = denom > 0 ? Math.max(-1, Math.min(1, k12 / denom)) : 0;
        double rest = Math.sqrt(Math.max(0, 1 - rho * rho));
        int m = nodes.length;
        double vv = 0;
        double dd = 0;
        for (int a = 0; a < m; a++) {
            double u = s1 * nodes[a];
            double fu = phi.value(u);
            double du = phi.first(u);
            double iv = 0;
            double id = 0;
            for (int b = 0; b < m; b++) {
                double v = s2 * (rho * nodes[a] + rest * nodes[b]);
                iv += weights[b] * phi.value(v);
                id += weights[b] * phi.first(v);
            }
            vv += weights[a] * fu * iv;
            dd += weights[a] * du * id;
        }
        out[0] = vv / Math.PI;
        out[1] = dd / Math.PI;
    }

    /** Numerical Recipes' gauher: the roots of H_m by Newton from asymptotic guesses. */
    private static void solve(int m, double[] x, double[] w) {
        final double pim4 = Math.pow(Math.PI, -0.25);
        int half = (m + 1) / 2;
        double z = 0;
        for (int i = 0; i < half; i++) {
            if (i == 0) {
                z = Math.sqrt(2.0 * m + 1) - 1.85575 * Math.pow(2.0 * m + 1, -0.16667);
            } else if (i == 1) {
                z -= 1.14 * Math.pow(m, 0.426) / z;
            } else if (i == 2) {
                z = 1.86 * z - 0.86 * x[0];
            } else if (i == 3) {
                z = 1.91 * z - 0.91 * x[1];
            } else {
                z = 2.0 * z - x[i - 2];
            }
            double pp = 0;
            for (int it = 0; it < 100; it++) {
                double p1 = pim4;
                double p2 = 0;
                for (int j = 0; j < m; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / (j + 1)) * p2 - Math.sqrt((double) j / (j + 1)) * p3;
                }
                pp = Math.sqrt(2.0 * m) * p2;
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) {
                    break;
                }
            }
            x[i] = z;
            x[m - 1 - i] = -z;
            w[i] = 2.0 / (pp * pp);
            w[m - 1 - i] = w[i];
        }
    }
}
