package org.overparam.plugin.momentum.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
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
public final class HeavyBall extends MomentumMethod {
    @Override
    double move(StepContext ctx, Params w, Params v, double eta, double beta) {
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(w, null, g);
        ctx.report("grad_norm", g.norm());
        g.scale(-eta).axpy(beta, v);
        v.set(w);
        w.axpy(1, g);
        return loss;
    }
}
