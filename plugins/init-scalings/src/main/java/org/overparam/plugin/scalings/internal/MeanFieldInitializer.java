package org.overparam.plugin.scalings.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Initializer;
import org.overparam.api.Param;

/**
 * The initializer {@code mean-field}: the mean-field parameterization of a wide net's output layer
 * (Mei, Montanari, Nguyen, arXiv 1804.06561; Yang and Hu's abc-table, arXiv 2011.14522: a = 1, b = 0
 * on the last layer). Input and hidden layers are as in {@link NtkInitializer} (raw N(0, 1),
 * multiplier {@code sqrt(variance / fanIn)}); the output layer's raw weights are N(0, 1) with
 * multiplier {@code sqrt(outputVariance) / m} instead of {@code sqrt(outputVariance / m)}, m its
 * fan-in. For a one-hidden-layer net (fc depth 1) this is
 * {@code f(x) = (sqrt(c_out) / m) sum_j a_j sigma(sqrt(c / d) w_j . x)} with raw {@code a_j, w_j}
 * standard normal: the average over neurons of the mean-field limit.
 *
 * <p>Training: gradients in raw coordinates carry the multipliers, so for width-independent
 * mean-field dynamics the learning rate must grow like m (Yang and Hu's c = -1); the optimizer's
 * {@code lr} is not changed here.
 */
@Component(service = Initializer.class, property = {
    ComponentProperties.NAME + "=mean-field",
    ComponentProperties.DESCRIPTION + "=Mean-field parameterization: NTK hidden layers, output multiplier sqrt(c)/m"})
public final class MeanFieldInitializer extends SchemeInitializer<MeanFieldInitializer.Settings> {

    /** The parameters of {@code mean-field}. */
    public @interface Settings {
        /** @return c of input and hidden layers */
        @Param(value = "c of input and hidden weights: multiplier sqrt(c/fanIn) (2 for ReLU, arXiv 1811.03962)",
                min = 0, minExclusive = true)
        double variance() default 2.0;

        /** @return c of the output layer */
        @Param(value = "c of output weights: multiplier sqrt(c)/m, m the output layer's fan-in", min = 0,
                minExclusive = true)
        double outputVariance() default 1.0;

        /** @return the raw biases' standard deviation */
        @Param(value = "standard deviation of the raw biases (0: biases start at zero)", min = 0)
        double biasStd() default 0.0;

        /** @return the biases' multiplier */
        @Param(value = "forward multiplier of the biases (beta)", min = 0)
        double biasScale() default 1.0;
    }

    /** The initializer, with its parameters' type. */
    public MeanFieldInitializer() {
        super(Settings.class);
    }

    @Override
    Parameterization parameterization(Settings c) {
        BlockRule weights = Scheme.NTK.rule(c.variance(), "variance");
        return new Parameterization(weights, weights, Scheme.MEAN_FIELD.rule(c.outputVariance(), "outputVariance"),
                BlockRule.fixed(Parameterization.checked("biasStd", c.biasStd(), false),
                        Parameterization.checked("biasScale", c.biasScale(), false)));
    }
}
