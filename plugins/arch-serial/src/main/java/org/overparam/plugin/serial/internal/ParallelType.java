package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.FanIn;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/** The layer {@code parallel}: the branches side by side on the same input, their outputs summed or concatenated along channels. */
@Component(service = LayerType.class)
public final class ParallelType extends ShippedType {
    /** The parameters of {@code parallel}. */
    public @interface Settings {
        /** @return the branches */
        @Param(value = "the branches: each a layer or a list of layers applied in turn", structure = true)
        String[] branches();

        /** @return the fan-in */
        @Param(value = "how the outputs join", options = {"sum", "concat"})
        String fanIn() default "sum";
    }

    /** Registered by Declarative Services. */
    public ParallelType() {
        super("parallel", "the branches side by side on the same input, their outputs summed or concatenated along channels", Settings.class, "branches");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        Settings c = config.as(Settings.class);
        FanIn fanIn = c.fanIn().equals("concat") ? FanIn.CONCAT : FanIn.SUM;
        return Layers.parallel(fanIn, builder.layers("branches").toArray(Layer[]::new));
    }
}
