package org.overparam.plugin.momentum.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
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
    org.overparam.api.Component.NAME + "=heavy-ball",
    org.overparam.api.Component.DESCRIPTION + "=Polyak's heavy ball, constant momentum (arXiv 2107.01832)"})
public final class HeavyBall implements Optimizer {

    /** The parameters of {@code heavy-ball}. */
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
     * @return the training loss at w_t
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
