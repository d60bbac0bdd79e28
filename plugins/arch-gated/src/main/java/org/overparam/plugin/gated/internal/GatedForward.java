package org.overparam.plugin.gated.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Forward;

/**
 * One forward pass of a {@link GatedModel}: the value network's layer inputs {@code v_0 = x .. v_L}
 * ({@code inputs[l]}, {@code n x in_l}), the gate network's pre-activations
 * {@code z0_l = W0_l a0_{l-1}} ({@code gates[l-1]}, {@code n x m}; unit j of layer l is on for
 * sample i when {@code z0 >= 0}) and the outputs. It refers to the weight arrays it was computed
 * with and is valid only while those are unchanged.
 *
 * @param model the model that made it
 * @param batch the samples
 * @param weights the value network's blocks {@code W1 .. WL, W_out}
 * @param inputs {@code v_0 .. v_L}
 * @param gates {@code z0_1 .. z0_L}
 * @param output {@code n x k} outputs
 */
record GatedForward(GatedModel model, Batch batch, double[][] weights, double[][] inputs, double[][] gates,
                    double[] output) implements Forward {

    /**
     * @return the gate pre-activations {@code z0_l}, named {@code h1 .. hL} like fc's hidden layers:
     *     they never change with the trained weights, so flipped-pattern fractions are 0 by construction
     */
    @Override
    public List<Activation> activations() {
        List<Activation> out = new ArrayList<>(gates.length);
        for (int l = 0; l < gates.length; l++) {
            out.add(new Activation("h" + (l + 1), model.width(), gates[l]));
        }
        return out;
    }
}
