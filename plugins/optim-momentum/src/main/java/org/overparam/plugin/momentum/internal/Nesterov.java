package org.overparam.plugin.momentum.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * The optimizer {@code nesterov}: Nesterov's accelerated gradient with constant momentum in the form
 * of Liu, Pan and Tao (arXiv 2107.01832), full batch:
 * <pre>
 *   y_t     = w_t + beta (w_t - w_{t-1})
 *   w_{t+1} = y_t - eta * schedule * grad F(y_t)
 * </pre>
 * On a wide two-layer ReLU net it converges at {@code (1 - Theta(1/sqrt(kappa)))^t}, kappa the
 * condition number of the NTK Gram. eta and beta are given, or set from the measured NTK spectrum
 * ({@link Tuning}, {@code auto: true}). State: {@code velocity} = {@code w_t - w_{t-1}} and
 * {@code velocity_step} ({@link Velocity}); zero velocity at the first step and after a switch from
 * a method without it. One full-batch gradient (n sample-gradients) per step, at the look-ahead
 * point y_t, whose loss the step returns.
 */
@Component(service = Optimizer.class, property = {
    ComponentProperties.NAME + "=nesterov",
    ComponentProperties.DESCRIPTION + "=Nesterov's accelerated gradient, constant momentum (arXiv 2107.01832)"})
public final class Nesterov implements Optimizer {

    @Override
    public Class<MomentumConfig> configType() {
        return MomentumConfig.class;
    }

    /**
     * @return the training loss at the look-ahead point y_t
     * @throws InvalidInputException naming {@code label} when auto has none, or {@code auto} when the
     *     measurement it needs is missing
     */
    /** @return 2 P: the velocity in the state and the look-ahead point */
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
        Params y = w.copy().axpy(beta, v);
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(y, null, g);
        v.set(w);
        w.set(y).axpy(-eta, g);
        Velocity.store(ctx, v, w);
        ctx.report("grad_norm", g.norm());
        return loss;
    }
}
