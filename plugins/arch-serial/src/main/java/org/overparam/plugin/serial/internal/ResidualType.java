package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code residual}: h + tau branch(h), the branch's layers applied in turn. */
@Component(service = LayerType.class)
public final class ResidualType extends ShippedType {
    /** The parameters of {@code residual}. */
    public @interface Settings {
        /** @return tau */
        @Param("the branch's factor tau")
        double tau() default 1.0;

        /** @return the branch */
        @Param(value = "the branch's layers, applied in turn", structure = true)
        String[] branch();
    }

    /** Registered by Declarative Services. */
    public ResidualType() {
        super("residual", "h + tau branch(h), the branch's layers applied in turn", Settings.class, "branch");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        return Layers.residual(config.as(Settings.class).tau(), builder.layers("branch").toArray(Layer[]::new));
    }
}
