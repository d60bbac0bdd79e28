package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;

import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code identity}: the input unchanged. */
@Component(service = LayerType.class)
public final class IdentityType extends ShippedType {

    /** Registered by Declarative Services. */
    public IdentityType() {
        super("identity", "the input unchanged", None.class, "");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.identity();
    }
}
