package org.overparam.plugin.gated.internal;

import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;
import org.overparam.nn.Network;
import org.overparam.nn.Nonlinearity;

/**
 * A {@code gated} network as {@link GatedSurrogate} builds it, with the geometry the conversion
 * reads: the composition's blocks are the value network {@code W1 .. WL} (positions 0..L-1),
 * {@code W_out} (position L), then the gate network {@code gate.W1 .. gate.WL} (positions L+1..2L).
 *
 * @param network the composition {@code gated(flatten, dense, relu, ..., dense)}
 * @param width m
 * @param depth L
 */
record Surrogate(Network network, int width, int depth) {

    /** One evaluation: the value network's layer inputs, the gate pre-activations and the outputs.
     *
     * @param inputs {@code v_0 = x .. v_L}, {@code n x in_l}
     * @param gates {@code z0_1 .. z0_L}, {@code n x m}
     * @param output {@code n x k}
     */
    record Values(double[][] inputs, double[][] gates, double[] output) {
    }

    /** @return k */
    int outputSize() {
        return network.outputSize();
    }

    /**
     * @param l a layer index from 0 (layer l + 1's input)
     * @return the width of {@code v_l}
     */
    int in(int l) {
        return l == 0 ? network.inputShape().size() : width;
    }

    /**
     * @param l a hidden layer, 1..L
     * @return the position of the value block W_l
     */
    static int valueIndex(int l) {
        return l - 1;
    }

    /** @return the position of W_out */
    int outIndex() {
        return depth;
    }

    /**
     * @param l a hidden layer, 1..L
     * @return the position of the gate block gate.W_l
     */
    int gateIndex(int l) {
        return depth + l;
    }

    /**
     * The network's forward pass (outputs and the gate pre-activations {@code h1 .. hL}) and the
     * value path's layer inputs {@code v_l = (v_{l-1} W_l^T) .* relu'(z0_l)}, which the pass keeps
     * to itself: one more gemm per hidden layer.
     *
     * @param params the weights; not modified
     * @param batch the inputs
     * @return the values
     */
    Values values(Params params, Batch batch) {
        Forward f = network.forward(params, batch);
        List<Activation> acts = f.activations();
        int n = batch.n();
        double[][] inputs = new double[depth + 1][];
        double[][] gates = new double[depth][];
        inputs[0] = batch.inputs();
        for (int l = 1; l <= depth; l++) {
            int in = in(l - 1);
            gates[l - 1] = acts.get(l - 1).preActivations();
            double[] v = new double[n * width];
            Linalg.gemm(false, true, n, width, in, 1.0, inputs[l - 1], 0, in, params.block(valueIndex(l)), 0, in, 0.0,
                    v, 0, width);
            gate(gates[l - 1], v);
            inputs[l] = v;
        }
        return new Values(inputs, gates, f.output());
    }

    /**
     * {@code x .*= relu'(z0)}, as the network's value path.
     *
     * @param z0 not modified
     * @param x updated
     */
    static void gate(double[] z0, double[] x) {
        Nonlinearity.RELU.timesFirst(x.length, z0, x);
    }
}
