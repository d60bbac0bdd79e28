package org.overparam.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A training objective over a batch's outputs and targets (squared, cross-entropy). The value is a
 * reduction over samples (a sum or a mean, as the loss's parameters say); the same reduction is
 * applied to any subset of samples an optimizer asks for.
 */
@ConsumerType
public interface Loss extends Component {
    /**
     * @param config this loss's parameters
     * @param batch the samples (targets and labels are read)
     * @param outputs {@code n x k} model outputs; not modified
     * @param dOutputs receives {@code dLoss/dOutputs}, or {@code null} when only the value is wanted
     * @return the loss
     */
    double evaluate(Config config, Batch batch, double[] outputs, double[] dOutputs);

    /**
     * @param config this loss's parameters
     * @param batch the samples
     * @param outputs {@code n x k} model outputs; not modified
     * @param direction {@code n x k}; not modified
     * @param result receives the Hessian of the loss in the outputs times {@code direction}
     */
    void hessianVector(Config config, Batch batch, double[] outputs, double[] direction, double[] result);

    /**
     * The loss's scale: the factor its options imply over the plain sum of per-sample losses (e.g.
     * {@code squared}'s {@code half} and {@code reduction}). Optimizers and analyzers read it through
     * {@link StepContext#lossScale()} and {@link Snapshot#lossScale()} instead of the loss's
     * parameters. The default is a plain sum.
     *
     * @param config this loss's parameters
     * @return its scale
     * @since 1.3
     */
    default LossScale scale(Config config) {
        return LossScale.SUM;
    }

    /**
     * @param config this loss's parameters
     * @param batch the samples
     * @return the loss bound to this batch's targets
     */
    default OutputLoss bind(Config config, Batch batch) {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] outputs, double[] dOutputs) {
                return Loss.this.evaluate(config, batch, outputs, dOutputs);
            }

            @Override
            public void hessianVector(double[] outputs, double[] direction, double[] result) {
                Loss.this.hessianVector(config, batch, outputs, direction, result);
            }
        };
    }
}
