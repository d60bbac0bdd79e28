package org.overparam.plugin.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Param;
import org.overparam.nn.Dense;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/**
 * The layer {@code dense}: {@code y = W x (+ b)} on vectors, weights {@code [width, in]}; the
 * variances are those of the infinite-width kernel map ({@code sigma_w^2}, {@code sigma_b^2}).
 */
@Component(service = LayerType.class)
public final class DenseType extends ShippedType {
    /** The parameters of {@code dense}. */
    public @interface Settings {
        /** @return the output units */
        @Param(value = "output units", min = 1)
        int width();

        /** @return whether there is a bias */
        @Param("whether the layer has a bias vector")
        boolean bias() default false;

        /** @return sigma_w^2 */
        @Param(value = "sigma_w^2 of the infinite-width kernel map (the effective weights' variance times fan-in)", min = 0)
        double weightVariance() default 1.0;

        /** @return sigma_b^2 */
        @Param(value = "sigma_b^2 of the infinite-width kernel map (with a bias)", min = 0)
        double biasVariance() default 0.0;
    }

    /** Registered by Declarative Services. */
    public DenseType() {
        super("dense", "y = W x (+ b) on vectors, [in] -> [width]", Settings.class, "width");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        Settings c = config.as(Settings.class);
        Dense d = Layers.dense(c.width()).weightVariance(c.weightVariance());
        return c.bias() ? d.withBias(c.biasVariance()) : d;
    }
}
