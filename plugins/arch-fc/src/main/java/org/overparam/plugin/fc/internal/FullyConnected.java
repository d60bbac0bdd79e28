package org.overparam.plugin.fc.internal;

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
import org.overparam.nn.Dense;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.nn.Nonlinearity;

/**
 * The architecture {@code fc}: a deep fully connected network with {@code depth} hidden layers of
 * {@code width} units, the model of arXiv 1811.03962 (ReLU) and, with a smooth activation and one
 * hidden layer, of arXiv 2210.12001. Inputs of any shape are flattened. It is the composition
 * {@code flatten, dense(m), act, ..., dense(m), act, dense(k)} of org.overparam.nn: with
 * {@code a_0 = x}, {@code z_l = a_{l-1} W_l^T + b_l}, {@code a_l = act(z_l)} and
 * {@code f = a_L W_out^T + b_out}; one gemm per layer and pass, exact Hessian-vector products from
 * the layers' R-operator rules, dense-layer NTK pieces.
 *
 * <p>Blocks, in PyTorch's layout and in this order: {@code W1 [m, d]} (INPUT), {@code b1 [m]},
 * {@code W2 .. WL [m, m]} (HIDDEN) each followed by its bias, {@code W_out [k, m]} (OUTPUT),
 * {@code b_out [k]}; biases (role BIAS) only with {@code bias: true}. The activations are named
 * {@code h1 .. hL}. Multipliers of a parameterization (NTK, standard) are applied around the model
 * by the run.
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
        Nonlinearity act = activation(c.activation());
        List<Layer> layers = new ArrayList<>();
        layers.add(Layers.flatten());
        for (int l = 1; l <= c.depth(); l++) {
            layers.add(dense(c.width(), c.bias(), "W" + l, "b" + l));
            layers.add(Layers.named("h" + l, Layers.elementwise(act)));
        }
        layers.add(dense(outputs, c.bias(), "W_out", "b_out"));
        return Network.of(inputShape, layers.toArray(new Layer[0]));
    }

    private static Layer dense(int width, boolean bias, String weight, String biasBlock) {
        Dense d = Layers.dense(width).named(weight, biasBlock);
        return bias ? d.withBias(1.0) : d;
    }

    /**
     * @param key {@code relu}, {@code softplus} or {@code tanh}
     * @return the activation
     * @throws InvalidInputException naming {@code activation} for any other key
     */
    static Nonlinearity activation(String key) {
        return switch (key) {
            case "relu" -> Nonlinearity.RELU;
            case "softplus" -> Nonlinearity.SOFTPLUS;
            case "tanh" -> Nonlinearity.TANH;
            default -> throw new InvalidInputException("activation", "unknown activation '" + key
                    + "'; choose relu, softplus or tanh");
        };
    }
}
