package org.overparam.plugin.gd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * The optimizer {@code gd}: full-batch gradient descent {@code w <- w - lr * schedule * grad F(w)},
 * the method whose linear convergence on wide networks arXiv 1811.03962 proves and the baseline of
 * arXiv 2107.01832 (rate {@code 1 - Theta(1/kappa)}). Each step evaluates one full-batch gradient
 * (n sample-gradients), into a buffer the run keeps ({@code StepContext.workspace}), and reports its
 * Euclidean norm as {@code grad_norm}. It keeps no state; the
 * point is updated in place, frozen blocks stay unchanged because their gradient is zero. It does
 * not project onto a constraint set (that is the projected methods' job).
 */
@Component(service = Optimizer.class, property = {
    ComponentProperties.NAME + "=gd",
    ComponentProperties.DESCRIPTION + "=Full-batch gradient descent w <- w - lr * schedule * grad F(w)"})
public final class GradientDescent implements Optimizer {

    /** The parameters of {@code gd}. */
    public @interface Settings {
        /** @return the learning rate */
        @Param(value = "learning rate (step size eta), multiplied by the schedule's factor", min = 0, minExclusive = true)
        double lr() default 0.1;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @return the training loss at the step's starting point */
    @Override
    public double step(StepContext ctx) {
        double lr = ctx.config().as(Settings.class).lr();
        Params w = ctx.params();
        Params g = ctx.workspace("gradient");
        double loss = ctx.oracle().gradient(w, null, g);
        ctx.report("grad_norm", ctx.update(-lr * ctx.schedule(), g));
        return loss;
    }
}
