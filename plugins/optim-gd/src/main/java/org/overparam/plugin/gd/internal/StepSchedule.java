package org.overparam.plugin.gd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Param;
import org.overparam.api.Schedule;

/**
 * The schedule {@code step}: the factor {@code gamma^floor(t / every)}, i.e. the learning rate is
 * multiplied by gamma every {@code every} steps (PyTorch's StepLR). t counts the steps this schedule
 * has been in effect (from 0; from the switch when a run switches to it).
 */
@Component(service = Schedule.class, property = {
    ComponentProperties.NAME + "=step",
    ComponentProperties.DESCRIPTION + "=Step decay: factor gamma^floor(t / every)"})
public final class StepSchedule implements Schedule {

    /** The parameters of {@code step}. */
    public @interface Settings {
        /** @return gamma */
        @Param(value = "factor gamma applied every 'every' steps", min = 0, minExclusive = true)
        double gamma() default 0.1;

        /** @return the interval */
        @Param(value = "steps between two decays", min = 1)
        long every() default 1000;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double factor(Config config, long step, long totalSteps) {
        Settings c = config.as(Settings.class);
        return Math.pow(c.gamma(), Math.floorDiv(step, c.every()));
    }
}
