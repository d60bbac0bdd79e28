package org.overparam.plugin.momentum.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * The optimizer {@code heavy-ball}: Polyak's heavy-ball method with constant momentum, full batch, as
 * in arXiv 2107.01832:
 * <pre>
 *   w_{t+1} = w_t - eta * schedule * grad F(w_t) + beta (w_t - w_{t-1})
 * </pre>
 * computed as {@code w_t + (-eta g + beta v_t)}. eta and beta are given, or set from the measured NTK
 * spectrum ({@link Tuning}, {@code auto: true}). State: {@code velocity} = {@code w_t - w_{t-1}} and
 * {@code velocity_step} ({@link Velocity}), shared with {@link Nesterov}. One full-batch gradient per
 * step, at w_t, whose loss the step returns.
 */
@Component(service = Optimizer.class, property = {
    ComponentProperties.NAME + "=heavy-ball",
    ComponentProperties.DESCRIPTION + "=Polyak's heavy ball, constant momentum (arXiv 2107.01832)"})
public final class HeavyBall implements Optimizer {

    @Override
    public Class<MomentumConfig> configType() {
        return MomentumConfig.class;
    }

    /**
     * @return the training loss at w_t
     * @throws InvalidInputException naming {@code label} when auto has none, or {@code auto} when the
     *     measurement it needs is missing
     */
    /** @return 2 P: the velocity in the state and its working copy */
    @Override
    public long stateValues(Config config, long parameters) {
        return Math.multiplyExact(2, parameters);
    }

    @Override
    public double step(StepContext ctx) {
        Settings s = Settings.of(ctx.config().as(MomentumConfig.class)).checked();
        double[] chosen = Tuning.choose(ctx, s);
        double eta = chosen[0] * ctx.schedule();
        double beta = chosen[1];
        Params w = ctx.params();
        Params v = Velocity.current(ctx);
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(w, null, g);
        ctx.report("grad_norm", g.norm());
        g.scale(-eta).axpy(beta, v);
        v.set(w);
        w.axpy(1, g);
        Velocity.store(ctx, v, w);
        return loss;
    }
}
