package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;

import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code tanh}: tanh(z), elementwise. */
@Component(service = LayerType.class)
public final class TanhType extends ShippedType {

    /** Registered by Declarative Services. */
    public TanhType() {
        super("tanh", "tanh(z), elementwise", None.class, "");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.tanh();
    }
}
