package org.overparam.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An update rule. The life of an optimizer in a run is a sequence of {@link #step} calls; it keeps
 * nothing between them: its buffers, counters and random position live in the run's {@link State}
 * (see there for what happens when a run switches optimizer) and are checkpointed with the run.
 */
@ConsumerType
public interface Optimizer extends Component {
    /**
     * The metric under which the platform records each step's training loss (the value
     * {@link #step} returns, or the engine's own evaluation when it returns {@code NaN}); analyzers
     * read its history through {@link Snapshot#history}.
     */
    String TRAIN_LOSS = "train.loss";

    /**
     * Takes one step: reads gradients through {@code ctx.oracle()} and updates {@code ctx.params()}
     * in place (frozen blocks must stay unchanged; the oracle's zero gradients see to it for
     * gradient methods).
     *
     * @param ctx the run's current point, state, configuration and oracle
     * @return the training loss the step evaluated at its starting point (or at the look-ahead
     *     point for Nesterov), for progress output; {@code NaN} if it evaluated none
     */
    double step(StepContext ctx);

    /**
     * The values the optimizer keeps in the run's {@link State} (e.g. a velocity per parameter), for
     * the run's memory estimate before anything is allocated. The default, 0, suits stateless rules.
     *
     * @param config the optimizer's parameters
     * @param parameters the number of parameters of the run's model
     * @return a number of {@code double} values
     * @throws ArithmeticException if the count exceeds {@code 2^63-1}
     */
    default long stateValues(Config config, long parameters) {
        return 0;
    }
}
