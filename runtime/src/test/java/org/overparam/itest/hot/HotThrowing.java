package org.overparam.itest.hot;

import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.StepContext;

/** A test plugin's optimizer that takes gradient steps and throws at a given step: a faulty plugin. */
public class HotThrowing implements Optimizer {
    /** Its parameters. */
    public @interface Settings {
        /** @return the learning rate */
        @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;

        /** @return the step at which it throws */
        @Param(value = "step that throws", min = 0) long failAt() default 3;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double step(StepContext ctx) {
        Settings c = ctx.config().as(Settings.class);
        if (ctx.step() == c.failAt()) {
            throw new IllegalStateException("hot-throw fails at step " + ctx.step() + " on purpose");
        }
        var g = ctx.params().zerosLike();
        double loss = ctx.oracle().gradient(ctx.params(), null, g);
        ctx.params().axpy(-c.lr() * ctx.schedule(), g);
        return loss;
    }
}
