package org.overparam.plugin.ntk.internal;

import org.overparam.api.State;
import org.overparam.linalg.EigenSystem;
import org.overparam.linalg.Linalg;
import org.overparam.linalg.SymmetricEigen;

/**
 * The training curve of the network linearized at initialization (the NTK regime, Jacot et al.
 * arXiv 1806.07572; Lee et al. arXiv 1902.06720) under full-batch gradient descent on the squared
 * loss: with {@code K_0 = V diag(lambda) V^T} the full NTK Gram at initialization on all training
 * outputs and {@code r_0 = f_0 - y},
 * <pre>
 *   f_t - y = (I - etaEff K_0)^t r_0,    F_t = s sum_j c_j^2 (1 - etaEff lambda_j)^(2t),   c = V^T r_0.
 * </pre>
 * Only {@code lambda} and {@code w_j = s c_j^2} are kept (in the analyzer's state as {@code lambda}
 * and {@code weight}, with {@code etaEff} as a scalar), so any step's prediction costs O(N).
 */
final class LinearizedCurve {
    static final String LAMBDA = "lambda";
    static final String WEIGHT = "weight";
    static final String ETA = "eta_eff";

    private final double[] lambda;
    private final double[] weight;
    private final double etaEff;

    private LinearizedCurve(double[] lambda, double[] weight, double etaEff) {
        this.lambda = lambda;
        this.weight = weight;
        this.etaEff = etaEff;
    }

    /**
     * Decomposes K_0 and stores the curve in the state.
     *
     * @param order N = n k
     * @param k0 the full kernel, {@code N x N}; not modified
     * @param residual {@code f_0 - y}, N values sample-major; not modified
     * @param gd the step size and loss factor
     * @param state where the curve is kept
     * @return the curve
     */
    static LinearizedCurve create(int order, double[] k0, double[] residual, GdConvention gd, State state) {
        EigenSystem e = SymmetricEigen.decompose(order, k0);
        double[] lambda = state.array(LAMBDA, order);
        double[] weight = state.array(WEIGHT, order);
        for (int j = 0; j < order; j++) {
            lambda[j] = e.values()[j];
            double c = Linalg.dot(order, e.vectors(), j * order, residual, 0);
            weight[j] = gd.scale() * c * c;
        }
        state.setScalar(ETA, gd.etaEff());
        return new LinearizedCurve(lambda, weight, gd.etaEff());
    }

    /**
     * @param state an analyzer's state
     * @return the curve kept there, or {@code null}
     */
    static LinearizedCurve restore(State state) {
        if (!state.hasArray(LAMBDA) || !state.hasArray(WEIGHT) || Double.isNaN(state.scalar(ETA, Double.NaN))) {
            return null;
        }
        return new LinearizedCurve(state.allArrays().get(LAMBDA), state.allArrays().get(WEIGHT), state.scalar(ETA, 0));
    }

    /**
     * @param t a step count, at least 0
     * @return the predicted loss after t steps
     */
    double loss(long t) {
        double sum = 0;
        for (int j = 0; j < lambda.length; j++) {
            double q = 1 - etaEff * lambda[j];
            sum += weight[j] * Math.pow(q * q, t);
        }
        return sum;
    }

    /** @return the kernel's smallest eigenvalue */
    double lambdaMin() {
        return lambda[0];
    }

    /** @return the kernel's largest eigenvalue */
    double lambdaMax() {
        return lambda[lambda.length - 1];
    }

    /** @return {@code etaEff} */
    double etaEff() {
        return etaEff;
    }
}
