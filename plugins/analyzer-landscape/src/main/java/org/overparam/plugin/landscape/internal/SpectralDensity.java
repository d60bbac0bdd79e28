package org.overparam.plugin.landscape.internal;

import org.overparam.api.RandomStream;
import org.overparam.linalg.SymmetricOperator;

/**
 * The spectral density of a symmetric operator by stochastic Lanczos quadrature (Ghorbani et al.,
 * arXiv 1901.10159; PyHessian, arXiv 1912.07145): {@code runs} independent {@link LanczosQuadrature}
 * runs from normalized Rademacher vectors {@code v = z / sqrt(n)}, each of {@code steps} steps; the
 * density is the average of the runs' quadratures, each node broadened by a Gaussian,
 * {@code phi(t) = (1 / runs) sum_r sum_i tau_ri N(t; theta_ri, s^2)}, an estimate of
 * {@code (1/n) sum_k N(t; lambda_k, s^2)}.
 *
 * <p>The broadening {@code s = sigma * w} is relative to the spread of the nodes,
 * {@code w = max theta - min theta} (or {@code max |theta|} when all nodes coincide, or 1 when they
 * are all 0). The density is sampled on {@code points} evenly spaced values from
 * {@code min theta - 6 s} to {@code max theta + 6 s}, so it integrates to 1 on the grid up to the
 * Gaussian tails beyond 6 s (2e-9) and the quadrature rule. Its mean {@code sum tau theta / runs} is
 * the Hutchinson estimate of {@code tr A / n}, exact for diagonal operators.
 */
final class SpectralDensity {
    private final double[] nodes;
    private final double[] weights;

    private SpectralDensity(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * @param op the operator
     * @param n its order
     * @param runs the number of start vectors, at least 1
     * @param steps Lanczos steps per run, at least 1
     * @param random the stream the start vectors come from (advanced)
     * @return the pooled quadrature (each run's weights divided by runs)
     */
    static SpectralDensity estimate(SymmetricOperator op, int n, int runs, int steps, RandomStream random) {
        double[][] parts = new double[2 * runs][];
        int total = 0;
        double[] v = new double[n];
        double norm = 1 / Math.sqrt(n);
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < n; i++) {
                v[i] = random.nextSign() * norm;
            }
            double[][] q = LanczosQuadrature.run(op, n, v, steps);
            parts[2 * r] = q[0];
            parts[2 * r + 1] = q[1];
            total += q[0].length;
        }
        double[] nodes = new double[total];
        double[] weights = new double[total];
        int k = 0;
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < parts[2 * r].length; i++) {
                nodes[k] = parts[2 * r][i];
                weights[k++] = parts[2 * r + 1][i] / runs;
            }
        }
        return new SpectralDensity(nodes, weights);
    }

    /** @return the quadrature nodes (Ritz values of all runs); live */
    double[] nodes() {
        return nodes;
    }

    /** @return their weights, adding up to 1; live */
    double[] weights() {
        return weights;
    }

    /**
     * @param sigma the broadening relative to the nodes' spread, positive
     * @param points grid points, at least 2
     * @return {@code [t, phi(t)]} on the grid
     */
    double[][] broaden(double sigma, int points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double big = 0;
        for (double t : nodes) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
            big = Math.max(big, Math.abs(t));
        }
        double spread = hi > lo ? hi - lo : big > 0 ? big : 1.0;
        double s = sigma * spread;
        double from = lo - 6 * s;
        double step = (hi - lo + 12 * s) / (points - 1);
        double[] x = new double[points];
        double[] y = new double[points];
        double c = 1 / (s * Math.sqrt(2 * Math.PI));
        for (int g = 0; g < points; g++) {
            double t = from + g * step;
            double sum = 0;
            for (int i = 0; i < nodes.length; i++) {
                double u = (t - nodes[i]) / s;
                if (u > -40 && u < 40) {
                    sum += weights[i] * Math.exp(-0.5 * u * u);
                }
            }
            x[g] = t;
            y[g] = c * sum;
        }
        return new double[][] {x, y};
    }
}
