package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code avgPool}: average pooling over windows, stride = window, no padding. */
@Component(service = LayerType.class)
public final class AvgPoolType extends ShippedType {
    /** The parameters of {@code avgPool}. */
    public @interface Settings {
        /** @return the window */
        @Param(value = "the window per spatial axis (1 entry for [c, l], 2 for [c, h, w])", min = 1)
        int[] window();
    }

    /** Registered by Declarative Services. */
    public AvgPoolType() {
        super("avgPool", "average pooling over windows, stride = window, no padding", Settings.class, "window");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.avgPool(config.as(Settings.class).window());
    }
}
