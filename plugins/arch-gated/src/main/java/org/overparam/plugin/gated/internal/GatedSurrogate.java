package org.overparam.plugin.gated.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Shape;

/**
 * The architecture {@code gated}: the surrogate network with fixed activation patterns of
 * arXiv 2101.04243 ({@link GatedModel}), the value network {@code W1..WL, W_out} laid out like
 * fc's and a frozen gate network {@code gate.W1..gate.WL} tied to the value network's initial
 * weights. Inputs of any shape are flattened. At any step the surrogate can be converted into an
 * equivalent plain ReLU network of width 2m (the analyzer {@code gated-convert}).
 */
@Component(service = Architecture.class, property = {
    ComponentProperties.NAME + "=gated",
    ComponentProperties.DESCRIPTION + "=Gated surrogate with activation patterns frozen at initialization (arXiv 2101.04243), convertible to ReLU"})
public final class GatedSurrogate implements Architecture {

    /** The parameters of {@code gated}. */
    public @interface Settings {
        /** @return m */
        @Param(value = "hidden units per layer (m)", min = 1)
        int width() default 256;

        /** @return L */
        @Param(value = "number of hidden layers (L)", min = 1)
        int depth() default 1;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * Checks what depends on the data: {@code outputs} must be at least 1. The ranges of
     * {@code width} and {@code depth} are checked from {@code @Param} before this runs.
     *
     * @throws InvalidInputException naming {@code outputs} for fewer than one output
     */
    @Override
    public Model build(Config config, Shape inputShape, int outputs) {
        return build(config.as(Settings.class), inputShape, outputs);
    }

    /**
     * @param c the parameters
     * @param inputShape one sample's shape
     * @param outputs k
     * @return the model
     */
    static GatedModel build(Settings c, Shape inputShape, int outputs) {
        if (outputs < 1) {
            throw new InvalidInputException("outputs", "a network needs at least one output, got " + outputs);
        }
        return new GatedModel(inputShape, c.width(), c.depth(), outputs);
    }
}
