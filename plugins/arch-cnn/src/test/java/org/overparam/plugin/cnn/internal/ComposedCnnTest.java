package org.overparam.plugin.cnn.internal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Model;
import org.overparam.nn.Conv;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.ModelComparison;

/**
 * The layer algebra's {@code conv, relu, ..., (globalAvgPool | flatten), dense} (org.overparam.nn)
 * against the hand-written {@link CnnModel} on every case of {@link Cnns#cases()} (samples read as
 * another shape through {@code reshape}): the same blocks, and outputs, activations, gradients and
 * exact Hessian-vector products equal to the bit (tolerance 0), neither with NTK pieces.
 */
class ComposedCnnTest {

    static Model composed(Cnns.Case c) {
        List<Layer> layers = new ArrayList<>();
        int[] read = c.readAs().length > 0 ? c.readAs() : c.data().rank() == 1 ? new int[] {1, c.data().dim(0)}
                : c.data().dims();
        if (!java.util.Arrays.equals(read, c.data().dims())) {
            layers.add(Layers.reshape(read));
        }
        int rank = read.length;
        for (int l = 0; l < c.channels().length; l++) {
            int k = c.at(c.kernel(), l);
            int s = c.at(c.stride(), l);
            int p = c.at(c.padding(), l);
            Conv conv = rank == 3 ? Layers.conv2d(c.channels()[l], k, k).stride(s, s).padding(p, p)
                    : Layers.conv1d(c.channels()[l], k).stride(s).padding(p);
            conv = conv.named("conv" + (l + 1) + ".weight", "conv" + (l + 1) + ".bias");
            layers.add(c.bias() ? conv.withBias(1.0) : conv);
            layers.add(Layers.named("conv" + (l + 1), Layers.relu()));
        }
        layers.add(c.head().equals("avgpool") ? Layers.globalAvgPool() : Layers.flatten());
        var head = Layers.dense(c.outputs()).named("head.weight", "head.bias");
        layers.add(c.bias() ? head.withBias(1.0) : head);
        return Network.of(c.data(), layers.toArray(new Layer[0]));
    }

    @Test
    void sameLayoutOutputsGradientsAndHessianVectors() {
        for (Cnns.Case c : Cnns.cases()) {
            for (long seed = 1; seed <= 3; seed++) {
                ModelComparison.assertIdentical(c.model(), composed(c), seed, c + " seed " + seed);
            }
        }
    }
}
