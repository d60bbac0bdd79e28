package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;

import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code flatten}: [c, spatial...] -> [c S], row-major. */
@Component(service = LayerType.class)
public final class FlattenType extends ShippedType {

    /** Registered by Declarative Services. */
    public FlattenType() {
        super("flatten", "[c, spatial...] -> [c S], row-major", None.class, "");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.flatten();
    }
}
