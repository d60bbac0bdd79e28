package org.overparam.itest.hot;

import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.StepContext;
import org.overparam.itest.hotlib.HotScale;

/** A test plugin's gradient descent that imports a library bundle ({@link HotScale}). */
public class HotLibGd implements Optimizer {
    /** Its parameters. */
    public @interface Settings {
        /** @return the learning rate */
        @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double step(StepContext ctx) {
        Settings c = ctx.config().as(Settings.class);
        var g = ctx.params().zerosLike();
        double loss = ctx.oracle().gradient(ctx.params(), null, g);
        ctx.params().axpy(-c.lr() * HotScale.factor() * ctx.schedule(), g);
        return loss;
    }
}
