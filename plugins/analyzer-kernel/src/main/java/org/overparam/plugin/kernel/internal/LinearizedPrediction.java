package org.overparam.plugin.kernel.internal;

import org.overparam.linalg.EigenSystem;
import org.overparam.linalg.SymmetricEigen;

/**
 * Gradient descent on the squared loss {@code F = s sum (f - y)^2} of the model linearized in the
 * infinite-width limit (Jacot et al., arXiv 1806.07572; Lee et al., arXiv 1902.06720): on the
 * training set {@code f_t - y = (I - eta_eff Theta)^t (f_0 - y)} with {@code eta_eff = 2 s eta}
 * (the discrete form of {@code f_t = y + e^(-eta Theta t)(f_0 - y)}; the analytic Theta has no
 * cross-output terms, so each output follows it apart), hence
 * {@code F_t = s sum_o sum_j c_oj^2 (1 - eta_eff lambda_j)^(2t)} with
 * {@code Theta = V diag(lambda) V^T}, {@code c_o = V^T (f_0 - y)_o}.
 */
final class LinearizedPrediction {
    private final double[] lambda;
    private final double[] weight;
    private final double etaEff;
    private final double scale;

    /**
     * @param n training samples
     * @param k outputs per sample
     * @param theta the analytic NTK on the n samples, {@code n x n}; not modified
     * @param residual {@code f_0 - y}, {@code n x k} sample-major
     * @param scale s
     * @param eta the learning rate
     */
    LinearizedPrediction(int n, int k, double[] theta, double[] residual, double scale, double eta) {
        EigenSystem e = SymmetricEigen.decompose(n, theta);
        lambda = e.values();
        weight = new double[n];
        for (int j = 0; j < n; j++) {
            double[] v = e.vector(j);
            for (int o = 0; o < k; o++) {
                double c = 0;
                for (int i = 0; i < n; i++) {
                    c += v[i] * residual[i * k + o];
                }
                weight[j] += c * c;
            }
        }
        this.scale = scale;
        this.etaEff = 2 * scale * eta;
    }

    /** @param t a step @return the predicted training loss after t steps */
    double loss(long t) {
        double sum = 0;
        for (int j = 0; j < lambda.length; j++) {
            sum += weight[j] * Math.pow(1 - etaEff * lambda[j], 2.0 * t);
        }
        return scale * sum;
    }

    /** @return 1 when every mode contracts ({@code eta_eff lambda_max < 2}), else 0 */
    double stable() {
        return etaEff * lambda[lambda.length - 1] < 2 ? 1 : 0;
    }

    /** @return eta_eff */
    double etaEff() {
        return etaEff;
    }
}
