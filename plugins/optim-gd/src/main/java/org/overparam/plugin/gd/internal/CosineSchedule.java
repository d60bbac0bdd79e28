package org.overparam.plugin.gd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Param;
import org.overparam.api.Schedule;

/**
 * The schedule {@code cosine}: cosine annealing ({@link Cosine}) from factor 1 at the first step to
 * {@code floor} after {@code steps} steps ({@code 0}: the steps the schedule has, the run's
 * {@code maxSteps}, or those left after the switch that brought it in), then {@code floor}.
 */
@Component(service = Schedule.class, property = {
    ComponentProperties.NAME + "=cosine",
    ComponentProperties.DESCRIPTION + "=Cosine annealing from 1 to a floor over the run (or 'steps')"})
public final class CosineSchedule implements Schedule {

    /** The parameters of {@code cosine}. */
    public @interface Settings {
        /** @return the final factor */
        @Param(value = "factor reached at the end of the curve", min = 0, max = 1)
        double floor() default 0.0;

        /** @return the curve's length, or 0 */
        @Param(value = "steps from 1 to the floor; 0: all the steps the schedule has", min = 0)
        long steps() default 0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double factor(Config config, long step, long totalSteps) {
        Settings c = config.as(Settings.class);
        double floor = c.floor();
        long length = c.steps() > 0 ? c.steps() : Math.max(1, totalSteps);
        return Cosine.factor(step, length, floor);
    }
}
