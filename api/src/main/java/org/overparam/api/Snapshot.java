package org.overparam.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** What an {@link Analyzer} sees: a read-only view of a run at one step. Valid only during the call. */
@ProviderType
public interface Snapshot {
    /** @return the number of steps taken so far (0 at initialization) */
    long step();

    /** @return whether this is the run's last analysis (after the last step) */
    boolean isFinal();

    /** @return a copy of the current point (raw values) */
    Params params();

    /** @return the initial point (do not modify) */
    Params initial();

    /** @return the network as a function of raw values (scaling applied) */
    Model model();

    /** @return the run's data */
    Data data();

    /**
     * @param batch samples
     * @return the run's loss bound to those samples' targets
     */
    OutputLoss loss(Batch batch);

    /** @return the training oracle (counts toward the run's gradient evaluations) */
    GradientOracle oracle();

    /** @return the analyzer's parameters */
    Config config();

    /**
     * @param kind a component kind
     * @return the run's component of that kind's parameters (empty if none)
     */
    Config componentConfig(ComponentKind kind);

    /**
     * @param kind a component kind
     * @return the run's component of that kind's name, or {@code null}
     */
    String componentName(ComponentKind kind);

    /**
     * The scale of the run's loss ({@link Loss#scale}). A snapshot that cannot ask the loss answers
     * {@link LossScale#declared} of its parameters (the default).
     *
     * @return the scale of the run's loss
     * @since 1.3
     */
    default LossScale lossScale() {
        return LossScale.declared(componentConfig(ComponentKind.LOSS));
    }

    /** @return the run's parameterization */
    Scaling scaling();

    /** @return this analyzer's random stream */
    RandomStream random();

    /** @return this analyzer's state in the run (kept between calls and checkpointed) */
    State state();

    /** @return the latest value of every scalar metric recorded so far, by full name */
    Map<String, Double> latestMetrics();

    /**
     * @param metric a full metric name, e.g. {@code train.loss}
     * @return its recorded history as {@code [steps, values]}, two arrays of equal length
     */
    double[][] history(String metric);

    /**
     * @return the run's stop rule target ({@code stop.targetLoss}), or 0 when the run has none; an
     *     analyzer that reports when a target was reached uses it unless it has a target of its own
     * @since 1.2
     */
    default double targetLoss() {
        return 0;
    }
}
