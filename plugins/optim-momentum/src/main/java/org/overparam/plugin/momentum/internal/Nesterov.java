package org.overparam.plugin.momentum.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
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
    org.overparam.api.Component.NAME + "=nesterov",
    org.overparam.api.Component.DESCRIPTION + "=Nesterov's accelerated gradient, constant momentum (arXiv 2107.01832)"})
public final class Nesterov implements Optimizer {

    /** The parameters of {@code nesterov}. */
    public @interface Config {
        /** @return eta */
        @Param(value = "learning rate eta, multiplied by the schedule's factor (auto: used before the first"
                + " measurement)", min = 0, minExclusive = true)
        double lr() default 0.1;

        /** @return beta */
        @Param(value = "momentum beta (auto: used before the first measurement)", min = 0, max = 1,
                maxExclusive = true)
        double momentum() default 0.9;

        /** @return whether to tune from the NTK */
        @Param("set eta = lrFactor / L and beta = (1 - c/sqrt(kappa)) / (1 + c/sqrt(kappa)) from the latest"
                + " <label>.lambda_max and <label>.lambda_min")
        boolean auto() default false;

        /** @return the analyzer label */
        @Param("label of the NTK analyzer whose lambda_max and lambda_min auto reads")
        String label() default "ntk";

        /** @return c_eta */
        @Param(value = "auto: eta = lrFactor / L, L = 2s lambda_max the loss's curvature", min = 0,
                minExclusive = true)
        double lrFactor() default 1.0;

        /** @return c */
        @Param(value = "auto: the constant c of beta = (1 - c/sqrt(kappa)) / (1 + c/sqrt(kappa))", min = 0,
                minExclusive = true)
        double c() default 1.0;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    /**
     * @return the training loss at the look-ahead point y_t
     * @throws InvalidInputException naming a parameter out of range, or {@code auto} when the
     *     measurement it needs is missing
     */
    @Override
    public double step(StepContext ctx) {
        Config c = ctx.config().as(Config.class);
        Settings s = new Settings(c.lr(), c.momentum(), c.auto(), c.label(), c.lrFactor(), c.c()).checked();
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
