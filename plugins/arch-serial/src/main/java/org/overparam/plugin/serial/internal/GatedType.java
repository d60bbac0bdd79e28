package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code gated}: the gated surrogate of arXiv 2101.04243: activation patterns from a tied, untrainable copy of the layers (no kernel map). */
@Component(service = LayerType.class)
public final class GatedType extends ShippedType {
    /** The parameters of {@code gated}. */
    public @interface Settings {
        /** @return the layers */
        @Param(value = "the surrogate's layers, e.g. [{dense: 64}, relu, {dense: 1}]", structure = true)
        String[] layers();
    }

    /** Registered by Declarative Services. */
    public GatedType() {
        super("gated", "the gated surrogate of arXiv 2101.04243: activation patterns from a tied, untrainable copy of the layers (no kernel map)", Settings.class, "layers");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.gated(builder.layers("layers").toArray(Layer[]::new));
    }
}
