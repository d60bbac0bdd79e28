package org.overparam.plugin.momentum.internal;

import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * What {@link HeavyBall} and {@link Nesterov} share: their parameters ({@link MomentumConfig}), the size
 * of their state, and the frame of a step: eta (times the schedule's factor) and beta, given or set by
 * {@link Tuning}, and the velocity {@code v = w_t - w_{t-1}} read before and stored after the method's
 * own {@link #move}.
 */
abstract class MomentumMethod implements Optimizer {
    @Override
    public final Class<MomentumConfig> configType() {
        return MomentumConfig.class;
    }

    /** @return 2 P: the velocity in the state and one working copy of the parameters */
    @Override
    public final long stateValues(Config config, long parameters) {
        return Math.multiplyExact(2, parameters);
    }

    /**
     * @return the training loss where the method takes its gradient
     * @throws InvalidInputException naming {@code label} when auto has none, or {@code auto} when the
     *     measurement it needs is missing
     */
    @Override
    public final double step(StepContext ctx) {
        Settings s = Settings.of(ctx.config().as(MomentumConfig.class)).checked();
        double[] chosen = Tuning.choose(ctx, s);
        Params w = ctx.params();
        Params v = Velocity.current(ctx);
        double loss = move(ctx, w, v, chosen[0] * ctx.schedule(), chosen[1]);
        Velocity.store(ctx, v, w);
        return loss;
    }

    /**
     * Takes the step from w_t.
     *
     * @param ctx the step's context (its oracle, for the gradient, and its reports)
     * @param w the point w_t, updated in place to w_{t+1}
     * @param v the velocity w_t - w_{t-1} on entry; set to w_t (the method's old point) on return
     * @param eta the step size, the schedule's factor included
     * @param beta the momentum
     * @return the training loss where the gradient was taken
     */
    abstract double move(StepContext ctx, Params w, Params v, double eta, double beta);
}
