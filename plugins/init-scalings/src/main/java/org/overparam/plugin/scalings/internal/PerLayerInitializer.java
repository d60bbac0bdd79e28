package org.overparam.plugin.scalings.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Param;
import org.overparam.api.RandomStream;

/**
 * The initializer {@code per-layer}: a parameterization ({@link Scheme}: ntk, standard or
 * mean-field) chosen for each weight block. By default by role ({@code input}, {@code hidden},
 * {@code output}), which survives depth sweeps; or, with {@code layers}, one scheme per weight block
 * in layout order (every block but biases and tied blocks: {@code W1 .. WL, W_out} for {@code fc}),
 * e.g. {@code layers: [ntk, ntk, mean-field]} for a depth-2 net. Input and hidden blocks use scale
 * {@code variance}, output blocks {@code outputVariance}. With every scheme {@code ntk} this is
 * {@link NtkInitializer}, with output {@code mean-field} it is {@link MeanFieldInitializer}; all draw
 * the same standard normals per block, so changing a block's scheme changes only that block's scale.
 */
@Component(service = Initializer.class, property = {
    ComponentProperties.NAME + "=per-layer",
    ComponentProperties.DESCRIPTION + "=NTK, standard or mean-field chosen per role or per weight block"})
public final class PerLayerInitializer implements Initializer {

    /** The parameters of {@code per-layer}. */
    public @interface Settings {
        /** @return the scheme per weight block, or empty */
        @Param(value = "one parameterization per weight block in layout order (e.g. [ntk, ntk, mean-field]);"
                + " empty: by role from input, hidden and output", options = {"ntk", "standard", "mean-field"})
        String[] layers() default {};

        /** @return the scheme of the input layer */
        @Param(value = "parameterization of the input layer (when layers is empty)",
                options = {"ntk", "standard", "mean-field"})
        String input() default "ntk";

        /** @return the scheme of the hidden layers */
        @Param(value = "parameterization of the hidden layers (when layers is empty)",
                options = {"ntk", "standard", "mean-field"})
        String hidden() default "ntk";

        /** @return the scheme of the output layer */
        @Param(value = "parameterization of the output layer (when layers is empty)",
                options = {"ntk", "standard", "mean-field"})
        String output() default "ntk";

        /** @return c of input and hidden layers */
        @Param(value = "c of input and hidden weights (effective variance c/fanIn; 2 for ReLU, arXiv 1811.03962)",
                min = 0, minExclusive = true)
        double variance() default 2.0;

        /** @return c of the output layer */
        @Param(value = "c of output weights", min = 0)
        double outputVariance() default 1.0;

        /** @return the raw biases' standard deviation */
        @Param(value = "standard deviation of the raw biases (0: biases start at zero)", min = 0)
        double biasStd() default 0.0;

        /** @return the biases' multiplier */
        @Param(value = "forward multiplier of the biases (beta)", min = 0)
        double biasScale() default 1.0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * @throws InvalidInputException naming {@code layers} if it has not one entry per weight block, or
     *     the parameter out of range
     */
    @Override
    public Initialization initialize(Config config, Layout layout, RandomStream random) {
        Settings c = config.as(Settings.class);
        BlockRule bias = BlockRule.fixed(Parameterization.checked("biasStd", c.biasStd(), false),
                Parameterization.checked("biasScale", c.biasScale(), false));
        String[] names = c.layers();
        if (names.length == 0) {
            return new Parameterization(rule(c, Scheme.of("input", c.input()), BlockRole.INPUT),
                    rule(c, Scheme.of("hidden", c.hidden()), BlockRole.HIDDEN),
                    rule(c, Scheme.of("output", c.output()), BlockRole.OUTPUT), bias).initialize(layout, random);
        }
        List<BlockSpec> weights = Parameterization.weightBlocks(layout);
        if (names.length != weights.size()) {
            throw new InvalidInputException("layers", names.length + " entries for the " + weights.size()
                    + " weight blocks " + weights.stream().map(BlockSpec::name).toList()
                    + "; give one per weight block, in this order");
        }
        List<BlockRule> layers = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            layers.add(rule(c, Scheme.of("layers[" + k + "]", names[k]), weights.get(k).role()));
        }
        return new Parameterization(null, null, null, bias, layers).initialize(layout, random);
    }

    private static BlockRule rule(Settings c, Scheme scheme, BlockRole role) {
        return role == BlockRole.OUTPUT ? scheme.rule(c.outputVariance(), "outputVariance")
                : scheme.rule(c.variance(), "variance");
    }
}
