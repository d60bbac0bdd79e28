package org.overparam.plugin.gd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Schedule;

/** The schedule {@code constant}: the factor 1 at every step, so the optimizer's own rate applies. */
@Component(service = Schedule.class, property = {
    org.overparam.api.Component.NAME + "=constant",
    org.overparam.api.Component.DESCRIPTION + "=Constant learning rate (factor 1 at every step)"})
public final class ConstantSchedule implements Schedule {

    /** {@code constant} has no parameters. */
    public @interface Config {
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public double factor(org.overparam.api.Config config, long step, long totalSteps) {
        return 1.0;
    }
}
