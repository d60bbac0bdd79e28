package org.overparam.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** What an {@link Optimizer} sees during one step. Valid only during that call. */
@ProviderType
public interface StepContext {
    /** @return the index of the step being taken, from 0 */
    long step();

    /** @return the run's maximum number of steps */
    long totalSteps();

    /** @return the current point, to update in place */
    Params params();

    /**
     * A buffer of the run's layout that the run keeps from step to step under this name (e.g. the
     * gradient of a full-batch method): no allocation per step, the way of
     * {@link Scaling#effective(Params, Params)}. It is not checkpointed and not shared with another
     * run or thread. Its values on entry are whatever the step before left (zeros the first time): an
     * optimizer writes it before it reads it ({@link GradientOracle#gradient} overwrites every block).
     * The default allocates zeros on every call.
     *
     * @param name the buffer's name, local to the optimizer
     * @return the buffer, of the layout of {@link #params()}
     * @since 1.5
     */
    default Params workspace(String name) {
        return params().zerosLike();
    }

    /**
     * The step's update {@code params() += alpha * direction} as its last write to the point, returning
     * {@code direction}'s Euclidean norm: {@link Params#axpyNorm(double, Params)}'s bits, and the
     * run checks the new point's finiteness in the same pass instead of reading it again. An
     * optimizer that writes the point after its update (other than through {@link #project}, which
     * the run sees) uses {@link Params#axpyNorm(double, Params)} instead. The default is that call.
     *
     * @param alpha the factor
     * @param direction same layout as the point, not modified (not the point itself)
     * @return the Euclidean norm of direction
     * @since 1.5
     */
    default double update(double alpha, Params direction) {
        return params().axpyNorm(alpha, direction);
    }

    /** @return the initial point (do not modify) */
    Params initial();

    /** @return the oracle for losses and gradients */
    GradientOracle oracle();

    /** @return the run's optimizer state */
    State state();

    /** @return the optimizer's parameters */
    Config config();

    /**
     * The parameters of the run's component of another kind, e.g. the loss's {@code reduction}, which
     * tells a mini-batch method whether a subset's loss is a sum or a mean.
     *
     * @param kind a component kind
     * @return the parameters of the run's component of that kind in effect at this step (empty if the
     *     run has none, or if the context does not provide them)
     */
    default Config componentConfig(ComponentKind kind) {
        return Config.empty();
    }

    /**
     * The scale of the run's loss ({@link Loss#scale}), e.g. for a step size set from the loss's
     * curvature or a mini-batch gradient rescaled to the full batch. A context that cannot ask the
     * loss answers {@link LossScale#declared} of its parameters (the default).
     *
     * @return the scale of the run's loss in effect at this step
     * @since 1.3
     */
    default LossScale lossScale() {
        return LossScale.declared(componentConfig(ComponentKind.LOSS));
    }

    /** @return the learning-rate multiplier of the run's schedule at this step (1 for constant) */
    double schedule();

    /** @return the optimizer's random stream (its position is checkpointed) */
    RandomStream random();

    /**
     * @return the latest value of every scalar metric the run has recorded, by full name (e.g.
     *     {@code ntk.lambda_max}); lets an optimizer set its step size from a measured kernel
     */
    Map<String, Double> latestMetrics();

    /**
     * Projects a point onto the run's constraint set in place (Euclidean projection; for an
     * intersection of sets, Dykstra's alternating projections). The identity if the run has no
     * constraint.
     *
     * @param point the point to project
     */
    void project(Params point);

    /** @return whether the run has a constraint set */
    boolean constrained();

    /**
     * @param metric a name local to the optimizer, e.g. {@code kkt_residual}
     * @param value its value
     */
    void report(String metric, double value);
}
