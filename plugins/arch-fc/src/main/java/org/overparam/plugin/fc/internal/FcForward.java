package org.overparam.plugin.fc.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Forward;

/**
 * One forward pass of an {@link FcModel}: for layer {@code l = 0..L} (the last is the output
 * layer) the layer's input {@code inputs[l]} ({@code n x in_l}; {@code inputs[0]} is the batch's
 * flattened inputs) and for each hidden layer its pre-activations {@code pre[l]} ({@code n x m}).
 * It refers to the weight arrays it was computed with, as the {@link Forward} contract allows: it
 * is valid only while those values are unchanged.
 *
 * @param model the model that made it
 * @param batch the samples
 * @param weights the weight block of each layer, {@code [out_l, in_l]} row-major
 * @param inputs each layer's input, {@code n x in_l}
 * @param pre each hidden layer's pre-activations, {@code n x m}
 * @param output {@code n x k} outputs
 */
record FcForward(FcModel model, Batch batch, double[][] weights, double[][] inputs, double[][] pre,
                 double[] output) implements Forward {

    /** @return the hidden layers' pre-activations, named {@code h1 .. hL} */
    @Override
    public List<Activation> activations() {
        List<Activation> out = new ArrayList<>(pre.length);
        for (int l = 0; l < pre.length; l++) {
            out.add(new Activation("h" + (l + 1), model.width(), pre[l]));
        }
        return out;
    }
}
