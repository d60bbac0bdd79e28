package org.overparam.plugin.projected.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * The optimizer {@code projected-gd}: full-batch projected gradient descent onto the run's feasible
 * set C (its {@code constraints}, intersected by the engine),
 * {@code w_{t+1} = P_C(w_t - eta * schedule * grad F(w_t))}, the method arXiv 2210.12001 runs on its
 * constrained formulation of narrow nets. Reports {@code kkt_residual}
 * {@code = ||w_t - P_C(w_t - eta grad F(w_t))|| / eta}, the norm of the gradient mapping: zero exactly
 * at the KKT points of {@code min F over C} (for C convex), and the gradient norm when the run has no
 * constraint (then this is {@code gd}). Also reports {@code grad_norm}. One full-batch gradient per
 * step; no state. The first step also projects an infeasible starting point.
 */
@Component(service = Optimizer.class, property = {
    ComponentProperties.NAME + "=projected-gd",
    ComponentProperties.DESCRIPTION + "=Projected gradient descent onto the run's constraints; reports the KKT residual"})
public final class ProjectedGradientDescent implements Optimizer {

    /** The parameters of {@code projected-gd}. */
    public @interface Settings {
        /** @return the learning rate */
        @Param(value = "learning rate (step size eta), multiplied by the schedule's factor", min = 0, minExclusive = true)
        double lr() default 0.1;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * @return the training loss at the step's starting point
     */
    @Override
    public double step(StepContext ctx) {
        double lr = ctx.config().as(Settings.class).lr();
        double eta = lr * ctx.schedule();
        Params w = ctx.params();
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(w, null, g);
        Params before = w.copy();
        w.axpy(-eta, g);
        ctx.project(w);
        ctx.report("grad_norm", g.norm());
        if (eta > 0) {
            ctx.report("kkt_residual", before.axpy(-1, w).norm() / eta);
        }
        return loss;
    }
}
