package org.overparam.plugin.gated.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

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
            GatedModel gm = c.model();
            Model net = composed(c);
            assertEquals(gm.layout().blocks(), net.layout().blocks(), c.toString());
            for (long seed = 1; seed <= 3; seed++) {
                Batch batch = Fixtures.batch(gm, 5, 100 + seed);
                Params w = Fixtures.point(gm, 200 + seed);
                OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 300 + seed));
                String at = c + " seed " + seed;
                assertArrayEquals(gm.forward(w, batch).output(), net.forward(w, batch).output(), at);
                List<Activation> a = gm.forward(w, batch).activations();
                List<Activation> b = net.forward(w, batch).activations();
                assertEquals(a.size(), b.size(), at);
                for (int l = 0; l < a.size(); l++) {
                    assertEquals(a.get(l).layer(), b.get(l).layer(), at);
                    assertArrayEquals(a.get(l).preActivations(), b.get(l).preActivations(), at);
                }
                assertBlocksEqual(Fixtures.gradient(gm, batch, loss, w), Fixtures.gradient(net, batch, loss, w), at);
                Params v = Fixtures.direction(gm, 400 + seed);
                Params hg = Params.zeros(gm.layout());
                Params hn = Params.zeros(gm.layout());
                gm.hessianVector(w, batch, loss, v, hg);
                net.hessianVector(w, batch, loss, v, hn);
                assertBlocksEqual(hg, hn, at);
                for (int o = 0; o < c.outputs(); o++) {
                    List<DenseLayerPiece> p = gm.denseLayerPieces(w, batch, o).orElseThrow();
                    List<DenseLayerPiece> q = net.denseLayerPieces(w, batch, o).orElseThrow();
                    assertEquals(p.size(), q.size(), at);
                    for (int l = 0; l < p.size(); l++) {
                        assertEquals(p.get(l).weightBlock(), q.get(l).weightBlock(), at);
                        assertArrayEquals(p.get(l).inputs(), q.get(l).inputs(), at);
                        assertArrayEquals(p.get(l).signals(), q.get(l).signals(), at);
                    }
                }
            }
        }
    }

    private static void assertBlocksEqual(Params a, Params b, String at) {
        for (int i = 0; i < a.layout().count(); i++) {
            assertArrayEquals(a.block(i), b.block(i), at + " block " + a.layout().block(i).name());
        }
    }
}
