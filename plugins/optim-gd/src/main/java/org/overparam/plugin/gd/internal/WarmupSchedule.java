package org.overparam.plugin.gd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.Schedule;

/**
 * The schedule {@code warmup}: a linear warm-up from {@code start} to 1 over the first {@code steps}
 * steps, {@code start + (1 - start) t / steps} (PyTorch's LinearLR), then either 1 ({@code then:
 * constant}) or cosine annealing ({@link Cosine}) from 1 to {@code floor} over the steps that remain
 * ({@code then: cosine}). t counts the steps this schedule has been in effect.
 */
@Component(service = Schedule.class, property = {
    ComponentProperties.NAME + "=warmup",
    ComponentProperties.DESCRIPTION + "=Linear warm-up from a start factor, then constant or cosine"})
public final class WarmupSchedule implements Schedule {

    /** The parameters of {@code warmup}. */
    public @interface Settings {
        /** @return the first factor */
        @Param(value = "factor at the first step", min = 0, max = 1)
        double start() default 0.1;

        /** @return the warm-up's length */
        @Param(value = "steps of the linear warm-up", min = 1)
        long steps() default 100;

        /** @return what follows */
        @Param(value = "after the warm-up: constant (factor 1) or cosine (from 1 to floor over the rest)",
                options = {"constant", "cosine"})
        String then() default "constant";

        /** @return the cosine's floor */
        @Param(value = "final factor of the cosine (then: cosine)", min = 0, max = 1)
        double floor() default 0.0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double factor(Config config, long step, long totalSteps) {
        Settings c = config.as(Settings.class);
        double floor = c.floor();
        if (step < c.steps()) {
            return c.start() + (1 - c.start()) * step / c.steps();
        }
        return switch (c.then()) {
            case "constant" -> 1.0;
            case "cosine" -> Cosine.factor(step - c.steps(), Math.max(1, totalSteps - c.steps()), floor);
            default -> throw new InvalidInputException("then", "'" + c.then() + "' is not constant or cosine");
        };
    }
}
