package ${package}.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * The optimizer {@code ${componentName}}: gradient descent with gradient-norm clipping (Pascanu, Mikolov and
 * Bengio, arXiv 1211.5063), {@code w <- w - lr * schedule * c * grad F(w)} with
 * {@code c = min(1, clip / ||grad F(w)||)}: the step never exceeds {@code lr * schedule * clip}. It reports
 * the gradient's norm as {@code grad_norm} and whether it was clipped as {@code clipped} (1 or 0).
 *
 * <p>Stateless, as every Overparam component: the run owns the point ({@code ctx.params()}, updated in
 * place) and any state ({@code ctx.state()}); this object keeps nothing between calls, so the engine can
 * swap it for a new version between two steps. Called on the run's thread, possibly from several runs
 * at once. It draws no random numbers; a stochastic method draws from {@code ctx.random()} only.
 */
@Component(service = Optimizer.class, property = {
    ComponentProperties.NAME + "=${componentName}",
    ComponentProperties.DESCRIPTION + "=Gradient descent with gradient-norm clipping"})
public final class ${className} implements Optimizer {

    /**
     * The parameters of {@code ${componentName}}: their {@code @Param} text is the help, and the platform
     * checks their bounds (and that they are finite) before {@link #step} sees them, so the code never
     * re-checks them. Only a rule over several parameters or over the data belongs in code.
     */
    public @interface Settings {
        /** @return the learning rate */
        @Param(value = "learning rate (step size eta), multiplied by the schedule's factor", min = 0, minExclusive = true)
        double lr() default 0.2;

        /** @return the largest gradient norm used as it is */
        @Param(value = "largest gradient norm used as it is; a longer gradient is scaled down to this norm",
                min = 0, minExclusive = true)
        double clip() default 10.0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @return the training loss at the step's starting point */
    @Override
    public double step(StepContext ctx) {
        Settings c = ctx.config().as(Settings.class);
        Params w = ctx.params();
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(w, null, g);
        double norm = g.norm();
        double scale = norm > c.clip() ? c.clip() / norm : 1.0;
        w.axpy(-c.lr() * ctx.schedule() * scale, g);
        ctx.report("grad_norm", norm);
        ctx.report("clipped", scale < 1.0 ? 1.0 : 0.0);
        return loss;
    }
}
