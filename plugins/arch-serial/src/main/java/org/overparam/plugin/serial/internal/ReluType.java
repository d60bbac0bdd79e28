package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;

import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code relu}: max(z, 0), elementwise. */
@Component(service = LayerType.class)
public final class ReluType extends ShippedType {

    /** Registered by Declarative Services. */
    public ReluType() {
        super("relu", "max(z, 0), elementwise", None.class, "");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.relu();
    }
}
