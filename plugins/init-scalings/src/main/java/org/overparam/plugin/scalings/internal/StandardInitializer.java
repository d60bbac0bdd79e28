package org.overparam.plugin.scalings.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Initializer;
import org.overparam.api.Param;

/**
 * The initializer {@code standard}: the standard parameterization (He et al.'s initialization when
 * {@code c = 2}). Raw weights are N(0, c / fanIn) and the network uses them as they are (multiplier
 * 1), with {@code c = variance} for input and hidden layers and {@code c = outputVariance} for the
 * output layer; biases are N(0, biasStd^2). The effective weights have the distribution of
 * {@link NtkInitializer}'s; only the gradient's scale in raw coordinates differs. This is the
 * initialization of arXiv 1811.03962 (entries N(0, 2/m)).
 */
@Component(service = Initializer.class, property = {
    ComponentProperties.NAME + "=standard",
    ComponentProperties.DESCRIPTION + "=Standard parameterization: raw N(0, c/fanIn) weights, multiplier 1"})
public final class StandardInitializer extends SchemeInitializer<StandardInitializer.Settings> {

    /** The parameters of {@code standard}. */
    public @interface Settings {
        /** @return c of input and hidden layers */
        @Param(value = "c of input and hidden weights: N(0, c/fanIn) (2 for ReLU, arXiv 1811.03962)",
                min = 0, minExclusive = true)
        double variance() default 2.0;

        /** @return c of the output layer */
        @Param(value = "c of output weights: N(0, c/fanIn); 0 starts the output at zero", min = 0)
        double outputVariance() default 1.0;

        /** @return the biases' standard deviation */
        @Param(value = "standard deviation of the biases (0: biases start at zero)", min = 0)
        double biasStd() default 0.0;
    }

    /** The initializer, with its parameters' type. */
    public StandardInitializer() {
        super(Settings.class);
    }

    @Override
    Parameterization parameterization(Settings c) {
        BlockRule weights = BlockRule.standard(Parameterization.checked("variance", c.variance(), true));
        return new Parameterization(weights, weights,
                BlockRule.standard(Parameterization.checked("outputVariance", c.outputVariance(), false)),
                BlockRule.fixed(Parameterization.checked("biasStd", c.biasStd(), false), 1.0));
    }
}
