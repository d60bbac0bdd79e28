package org.overparam.itest.layer;

import org.overparam.api.Config;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/**
 * A third-party layer, packed by {@code LayerPluginIT} into a bundle of its own and dropped into the
 * watched plugins folder: {@code {mlp-block: m}} is {@code dense(m), relu, dense(m)}.
 */
public final class MlpBlockType implements LayerType {
    /** The parameters of {@code mlp-block}. */
    public @interface Settings {
        /** @return m */
        @Param(value = "units of both dense layers", min = 1)
        int width() default 16;
    }

    @Override
    public String name() {
        return "mlp-block";
    }

    @Override
    public String description() {
        return "dense(m), relu, dense(m)";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public String shorthand() {
        return "width";
    }

    @Override
    public Layer create(Config config, LayerBuilder builder) {
        int m = config.as(Settings.class).width();
        return Layers.serial(Layers.dense(m), Layers.relu(), Layers.dense(m));
    }
}
