package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;

import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code globalAvgPool}: the mean over all positions, [c, spatial...] -> [c]. */
@Component(service = LayerType.class)
public final class GlobalAvgPoolType extends ShippedType {

    /** Registered by Declarative Services. */
    public GlobalAvgPoolType() {
        super("globalAvgPool", "the mean over all positions, [c, spatial...] -> [c]", None.class, "");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.globalAvgPool();
    }
}
