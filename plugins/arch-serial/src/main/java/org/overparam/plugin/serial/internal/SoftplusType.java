package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;

import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code softplus}: log(1 + e^z), elementwise. */
@Component(service = LayerType.class)
public final class SoftplusType extends ShippedType {

    /** Registered by Declarative Services. */
    public SoftplusType() {
        super("softplus", "log(1 + e^z), elementwise", None.class, "");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.softplus();
    }
}
