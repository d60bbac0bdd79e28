package org.overparam.plugin.resnet.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Forward;

/**
 * One forward pass of a {@link ResNetModel}: for {@code l = 0..L} the pre-activations
 * {@code u[l]} ({@code u_0 = A x}, {@code u_l = W_l h_{l-1}}) and the states {@code h[l]}
 * ({@code n x} feature-map size each), B's inputs {@code features = pool(h_L)} and the outputs. It
 * refers to the weight arrays it was computed with and is valid only while those are unchanged.
 *
 * @param model the model that made it
 * @param batch the samples
 * @param weights the blocks {@code A, W_1 .. W_L, B}
 * @param h the states {@code h_0 .. h_L}
 * @param u the pre-activations {@code u_0 .. u_L}
 * @param features B's inputs
 * @param output {@code n x k} outputs
 */
record ResNetForward(ResNetModel model, Batch batch, double[][] weights, double[][] h, double[][] u,
                     double[] features, double[] output) implements Forward {

    /** @return the pre-activations {@code u_0 .. u_L}, named {@code h0 .. hL} after the states they feed */
    @Override
    public List<Activation> activations() {
        List<Activation> out = new ArrayList<>(u.length);
        for (int l = 0; l < u.length; l++) {
            out.add(new Activation("h" + l, model.hidden().outSize(), u[l]));
        }
        return out;
    }
}
