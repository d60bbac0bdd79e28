package org.overparam.plugin.gated.internal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Model;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.ModelComparison;

/**
 * The layer algebra's {@code gated(dense, relu, ..., dense)} (org.overparam.nn) against the
 * hand-written {@link GatedModel}: the same layout (value blocks, then the tied, untrainable gate
 * blocks) and, at points whose gate blocks differ from the value blocks, outputs, gate activations,
 * gradients, exact Hessian-vector products and NTK pieces equal to the bit (tolerance 0; the two
 * differ only where a gate pre-activation is exactly 0, which random points never hit).
 */
class ComposedGatedTest {

    static Model composed(Gateds.Case c) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layers.flatten());
        for (int l = 1; l <= c.depth(); l++) {
            layers.add(Layers.dense(c.width()).named("W" + l, null));
            layers.add(Layers.named("h" + l, Layers.relu()));
        }
        layers.add(Layers.dense(c.outputs()).named("W_out", null));
        return Network.of(c.input(), Layers.gated(layers.toArray(new Layer[0])));
    }

    @Test
    void sameLayoutOutputsGradientsHessianVectorsAndPieces() {
        for (Gateds.Case c : Gateds.cases()) {
            for (long seed = 1; seed <= 3; seed++) {
                ModelComparison.assertIdentical(c.model(), composed(c), seed, c + " seed " + seed);
            }
        }
    }
}
