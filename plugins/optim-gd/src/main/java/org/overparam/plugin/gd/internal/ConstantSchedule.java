package org.overparam.plugin.gd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Schedule;

/** The schedule {@code constant}: the factor 1 at every step, so the optimizer's own rate applies. */
@Component(service = Schedule.class, property = {
    ComponentProperties.NAME + "=constant",
    ComponentProperties.DESCRIPTION + "=Constant learning rate (factor 1 at every step)"})
public final class ConstantSchedule implements Schedule {

    /** {@code constant} has no parameters. */
    public @interface Settings {
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double factor(Config config, long step, long totalSteps) {
        return 1.0;
    }
}
