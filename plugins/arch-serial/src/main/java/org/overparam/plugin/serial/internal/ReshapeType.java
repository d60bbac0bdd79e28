package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code reshape}: the values under another shape of the same size, e.g. [1, d] to read a vector as a 1-D signal (no kernel map). */
@Component(service = LayerType.class)
public final class ReshapeType extends ShippedType {
    /** The parameters of {@code reshape}. */
    public @interface Settings {
        /** @return the output shape */
        @Param(value = "the output shape of one sample", min = 1)
        int[] dims();
    }

    /** Registered by Declarative Services. */
    public ReshapeType() {
        super("reshape", "the values under another shape of the same size, e.g. [1, d] to read a vector as a 1-D signal (no kernel map)", Settings.class, "dims");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.reshape(config.as(Settings.class).dims());
    }
}
