package org.overparam.api;

/**
 * A loss bound to a batch's targets, as a function of the model's outputs alone
 * ({@code n x k}, row-major). Models use it for Hessian-vector products; the engine builds it from
 * a {@link Loss} and its configuration.
 */
public interface OutputLoss {
    /**
     * @param outputs {@code n x k} model outputs; not modified
     * @param dOutputs receives {@code dLoss/dOutputs} ({@code n x k}), or {@code null}
     * @return the loss value
     */
    double evaluate(double[] outputs, double[] dOutputs);

    /**
     * @param outputs {@code n x k} model outputs; not modified
     * @param direction {@code n x k} direction in output space; not modified
     * @param result receives the Hessian of the loss in the outputs times {@code direction}
     */
    void hessianVector(double[] outputs, double[] direction, double[] result);
}
