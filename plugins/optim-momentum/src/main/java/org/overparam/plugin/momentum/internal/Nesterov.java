package org.overparam.plugin.momentum.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
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
public final class Nesterov extends MomentumMethod {
    @Override
    double move(StepContext ctx, Params w, Params v, double eta, double beta) {
        Params y = w.copy().axpy(beta, v);
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(y, null, g);
        v.set(w);
        w.set(y).axpy(-eta, g);
        ctx.report("grad_norm", g.norm());
        return loss;
    }
}
