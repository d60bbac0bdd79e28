package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code frozen}: the layers in turn, their blocks untrainable by default. */
@Component(service = LayerType.class)
public final class FrozenType extends ShippedType {
    /** The parameters of {@code frozen}. */
    public @interface Settings {
        /** @return the layers */
        @Param(value = "the layers to freeze, applied in turn", structure = true)
        String[] layers();
    }

    /** Registered by Declarative Services. */
    public FrozenType() {
        super("frozen", "the layers in turn, their blocks untrainable by default", Settings.class, "layers");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.frozen(Layers.serial(builder.layers("layers").toArray(Layer[]::new)));
    }
}
