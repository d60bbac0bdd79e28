package ${package}.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Config;
import org.overparam.api.Param;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/**
 * The layer {@code ${layerName}}: the elementwise activation {@link Swish}, {@code z sigmoid(beta z)}
 * (Ramachandran, Zoph and Le, arXiv 1710.05941), usable by name in the {@code serial} architecture's layer
 * lists as soon as this bundle starts: {@code layers: [{dense: 512}, ${layerName}]} or
 * {@code [{dense: 512}, {${layerName}: 1.5}]}. Its passes, R-operator rules and NTK pieces come from the
 * layer algebra's elementwise layer; its infinite-width kernel map from Gauss-Hermite quadrature of
 * {@link Swish}'s Gaussian expectations (docs/nn.md).
 *
 * <p>Stateless: the layer it returns is an immutable value the network binds to its input shape.
 */
@Component(service = LayerType.class)
public final class ${className} implements LayerType {

    /** The parameters of {@code ${layerName}}: their {@code @Param} text is the help, their bounds are checked. */
    public @interface Settings {
        /** @return beta */
        @Param(value = "beta in z sigmoid(beta z); large beta approaches relu", min = 0, minExclusive = true)
        double beta() default 1.0;
    }

    @Override
    public String name() {
        return "${layerName}";
    }

    @Override
    public String description() {
        return "swish z sigmoid(beta z), elementwise";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @return {@code beta}: {@code {${layerName}: 1.5}} sets it */
    @Override
    public String shorthand() {
        return "beta";
    }

    @Override
    public Layer create(Config config, LayerBuilder builder) {
        return Layers.elementwise(new Swish(config.as(Settings.class).beta()));
    }
}
