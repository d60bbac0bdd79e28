package org.overparam.plugin.scalings.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Initializer;
import org.overparam.api.Param;

/**
 * The initializer {@code ntk}: the NTK parameterization (Jacot, Gabriel, Hongler, arXiv 1806.07572).
 * Raw weights are N(0, 1); the network multiplies each weight block by {@code sqrt(c / fanIn)}, with
 * {@code c = variance} for input and hidden layers (2, the ReLU choice of arXiv 1811.03962) and
 * {@code c = outputVariance} for the output layer. Raw biases are N(0, biasStd^2) (zero by
 * default) with multiplier {@code biasScale}. See {@link BlockRule} for the general form.
 */
@Component(service = Initializer.class, property = {
    ComponentProperties.NAME + "=ntk",
    ComponentProperties.DESCRIPTION + "=NTK parameterization: raw N(0,1) weights, multiplier sqrt(c/fanIn)"})
public final class NtkInitializer extends SchemeInitializer<NtkInitializer.Settings> {

    /** The parameters of {@code ntk}. */
    public @interface Settings {
        /** @return c of input and hidden layers */
        @Param(value = "c of input and hidden weights: multiplier sqrt(c/fanIn) (2 for ReLU, arXiv 1811.03962)",
                min = 0, minExclusive = true)
        double variance() default 2.0;

        /** @return c of the output layer */
        @Param(value = "c of output weights: multiplier sqrt(c/fanIn)", min = 0, minExclusive = true)
        double outputVariance() default 1.0;

        /** @return the raw biases' standard deviation */
        @Param(value = "standard deviation of the raw biases (0: biases start at zero)", min = 0)
        double biasStd() default 0.0;

        /** @return the biases' multiplier */
        @Param(value = "forward multiplier of the biases (beta)", min = 0)
        double biasScale() default 1.0;
    }

    /** The initializer, with its parameters' type. */
    public NtkInitializer() {
        super(Settings.class);
    }

    @Override
    Parameterization parameterization(Settings c) {
        BlockRule weights = BlockRule.ntk(Parameterization.checked("variance", c.variance(), true));
        return new Parameterization(weights, weights,
                BlockRule.ntk(Parameterization.checked("outputVariance", c.outputVariance(), true)),
                BlockRule.fixed(Parameterization.checked("biasStd", c.biasStd(), false),
                        Parameterization.checked("biasScale", c.biasScale(), false)));
    }
}
