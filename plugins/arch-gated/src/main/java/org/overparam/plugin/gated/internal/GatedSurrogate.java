package org.overparam.plugin.gated.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Shape;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;

/**
 * The architecture {@code gated}: the surrogate network with fixed activation patterns of
 * arXiv 2101.04243, the composition {@code gated(flatten, dense W1, relu, ..., dense WL, relu,
 * dense W_out)} of org.overparam.nn. With {@code a0_0 = x}, {@code z0_l = W0_l a0_{l-1}},
 * {@code a0_l = ReLU(z0_l)}: {@code v_0 = x}, {@code v_l = (W_l v_{l-1}) .* 1[z0_l > 0]},
 * {@code f = W_out v_L}; no biases. Blocks: the value network {@code W1 [m, d]} (INPUT),
 * {@code W2 .. WL [m, m]} (HIDDEN), {@code W_out [k, m]} (OUTPUT) — fc's names, shapes and roles —
 * then the gate network {@code gate.W1 .. gate.WL}, untrainable and tied to {@code W1 .. WL} (the
 * run copies their initial values and multipliers). The gate pre-activations are the activations
 * {@code h1 .. hL} (they never change, so flipped-pattern fractions are 0). Inputs of any shape are
 * flattened. At any step the surrogate can be converted into an equivalent plain ReLU network of
 * width 2m (the analyzer {@code gated-convert}).
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
        return build(config.as(Settings.class), inputShape, outputs).network();
    }

    /**
     * @param c the parameters
     * @param inputShape one sample's shape
     * @param outputs k
     * @return the network with its geometry
     */
    static Surrogate build(Settings c, Shape inputShape, int outputs) {
        if (outputs < 1) {
            throw new InvalidInputException("outputs", "a network needs at least one output, got " + outputs);
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(Layers.flatten());
        for (int l = 1; l <= c.depth(); l++) {
            layers.add(Layers.dense(c.width()).named("W" + l, null));
            layers.add(Layers.named("h" + l, Layers.relu()));
        }
        layers.add(Layers.dense(outputs).named("W_out", null));
        Network net = Network.of(inputShape, Layers.gated(layers.toArray(new Layer[0])));
        return new Surrogate(net, c.width(), c.depth());
    }
}
