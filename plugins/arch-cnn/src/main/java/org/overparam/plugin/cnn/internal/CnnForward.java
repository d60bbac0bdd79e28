package org.overparam.plugin.cnn.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Forward;

/**
 * One forward pass of a {@link CnnModel}. For conv layer {@code l = 0..L-1}: its input
 * {@code inputs[l]} ({@code n x c_l h_l w_l}; {@code inputs[0]} is the batch's inputs) and its
 * pre-activations {@code pre[l]} ({@code n x out_l oh_l ow_l}, channel-major); {@code inputs[L]} is
 * the last ReLU feature map, {@code features} the head's input ({@code n x features}). It refers to
 * the weight arrays it was computed with and is valid only while those are unchanged.
 *
 * @param model the model that made it
 * @param batch the samples
 * @param weights the weight block of each layer, the head's last
 * @param inputs the input of each conv layer, then the last feature map
 * @param pre each conv layer's pre-activations
 * @param features the head's inputs
 * @param output {@code n x k} outputs
 */
record CnnForward(CnnModel model, Batch batch, double[][] weights, double[][] inputs, double[][] pre,
                  double[] features, double[] output) implements Forward {

    /** @return the conv layers' pre-activations, named {@code conv1 .. convL}, width channels x positions */
    @Override
    public List<Activation> activations() {
        List<Activation> out = new ArrayList<>(pre.length);
        for (int l = 0; l < pre.length; l++) {
            out.add(new Activation("conv" + (l + 1), model.conv(l).outSize(), pre[l]));
        }
        return out;
    }
}
