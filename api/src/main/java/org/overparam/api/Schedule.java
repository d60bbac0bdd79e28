package org.overparam.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learning-rate schedule shared by all optimizers (constant, step, cosine, warm-up): a multiplier
 * of the optimizer's own learning rate, read through {@link StepContext#schedule()}.
 */
@ConsumerType
public interface Schedule extends Component {
    /**
     * @param config the schedule's parameters
     * @param step the step index, from 0
     * @param totalSteps the run's maximum number of steps
     * @return the multiplier, at least 0
     */
    double factor(Config config, long step, long totalSteps);
}
