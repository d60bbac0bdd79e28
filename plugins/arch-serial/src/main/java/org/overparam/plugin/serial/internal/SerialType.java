package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code serial}: the layers applied in turn. */
@Component(service = LayerType.class)
public final class SerialType extends ShippedType {
    /** The parameters of {@code serial}. */
    public @interface Settings {
        /** @return the layers */
        @Param(value = "the layers, applied in turn", structure = true)
        String[] layers();
    }

    /** Registered by Declarative Services. */
    public SerialType() {
        super("serial", "the layers applied in turn", Settings.class, "layers");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.serial(builder.layers("layers").toArray(Layer[]::new));
    }
}
