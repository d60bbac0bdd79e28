package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code scale}: y = factor x. */
@Component(service = LayerType.class)
public final class ScaleType extends ShippedType {
    /** The parameters of {@code scale}. */
    public @interface Settings {
        /** @return s */
        @Param("the factor s")
        double factor();
    }

    /** Registered by Declarative Services. */
    public ScaleType() {
        super("scale", "y = factor x", Settings.class, "factor");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.scale(config.as(Settings.class).factor());
    }
}
