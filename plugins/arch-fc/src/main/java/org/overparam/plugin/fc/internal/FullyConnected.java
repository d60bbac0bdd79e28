package org.overparam.plugin.fc.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Shape;

/**
 * The architecture {@code fc}: a deep fully connected network with {@code depth} hidden layers of
 * {@code width} units ({@link FcModel}), the model of arXiv 1811.03962 (ReLU) and, with a smooth
 * activation and one hidden layer, of arXiv 2210.12001. Inputs of any shape are flattened.
 * Multipliers of a parameterization (NTK, standard) are applied around the model by the run.
 */
@Component(service = Architecture.class, property = {
    ComponentProperties.NAME + "=fc",
    ComponentProperties.DESCRIPTION + "=Deep fully connected network (relu, softplus or tanh), exact gradients and Hessian-vector products"})
public final class FullyConnected implements Architecture {

    /** The parameters of {@code fc}. */
    public @interface Settings {
        /** @return m */
        @Param(value = "hidden units per layer (m)", min = 1)
        int width() default 256;

        /** @return L */
        @Param(value = "number of hidden layers (L)", min = 1)
        int depth() default 1;

        /** @return whether layers have biases */
        @Param("whether every layer has a bias vector (blocks b1..bL, b_out)")
        boolean bias() default false;

        /** @return the activation's name */
        @Param(value = "hidden activation; softplus and tanh are smooth (arXiv 2210.12001)",
                options = {"relu", "softplus", "tanh"})
        String activation() default "relu";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * Checks what depends on the data: {@code outputs} (from the data) must be at least 1. The
     * ranges of {@code width} and {@code depth} are checked from {@code @Param} before this runs.
     *
     * @throws InvalidInputException naming {@code activation} when it is unknown, or {@code outputs}
     *     for fewer than one output
     */
    @Override
    public Model build(Config config, Shape inputShape, int outputs) {
        Settings c = config.as(Settings.class);
        if (outputs < 1) {
            throw new InvalidInputException("outputs", "a network needs at least one output, got " + outputs);
        }
        return new FcModel(inputShape, c.width(), c.depth(), outputs, c.bias(), Nonlinearity.of(c.activation()));
    }
}
