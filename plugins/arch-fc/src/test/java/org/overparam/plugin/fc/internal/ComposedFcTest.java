package org.overparam.plugin.fc.internal;

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
import org.overparam.nn.Dense;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/**
 * The layer algebra's composition {@code flatten, dense, act, ..., dense} (org.overparam.nn) against
 * the hand-written {@link FcModel}: the same blocks, and the same gemm calls in the same order, so
 * outputs, activations, gradients, exact Hessian-vector products and NTK pieces agree to the bit
 * (tolerance 0) on every shape of {@link Nets#cases()} and three seeds each. This is what lets fc
 * be rewritten as a composition (issue 14) without changing any run's metrics.
 */
class ComposedFcTest {

    static Model composed(Nets.Case c) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layers.flatten());
        for (int l = 1; l <= c.depth(); l++) {
            layers.add(dense(c.width(), c.bias(), "W" + l, "b" + l));
            layers.add(Layers.named("h" + l, Layers.elementwise(activation(c.activation()))));
        }
        layers.add(dense(c.outputs(), c.bias(), "W_out", "b_out"));
        return Network.of(c.input(), layers.toArray(new Layer[0]));
    }

    private static Layer dense(int width, boolean bias, String w, String b) {
        Dense d = Layers.dense(width).named(w, b);
        return bias ? d.withBias(1.0) : d;
    }

    private static org.overparam.nn.Nonlinearity activation(String key) {
        return switch (key) {
            case "relu" -> org.overparam.nn.Nonlinearity.RELU;
            case "tanh" -> org.overparam.nn.Nonlinearity.TANH;
            default -> org.overparam.nn.Nonlinearity.SOFTPLUS;
        };
    }

    @Test
    void sameLayoutOutputsGradientsHessianVectorsAndPieces() {
        for (Nets.Case c : Nets.cases()) {
            FcModel fc = c.model();
            Model net = composed(c);
            assertEquals(fc.layout(), net.layout(), c.toString());
            assertEquals(fc.layout().blocks(), net.layout().blocks(), c.toString());
            for (long seed = 1; seed <= 3; seed++) {
                Batch batch = Fixtures.batch(fc, 5, 100 + seed);
                Params w = Fixtures.point(fc, 200 + seed);
                OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 300 + seed));
                String at = c + " seed " + seed;
                assertArrayEquals(fc.forward(w, batch).output(), net.forward(w, batch).output(), at);
                List<Activation> a = fc.forward(w, batch).activations();
                List<Activation> b = net.forward(w, batch).activations();
                assertEquals(a.size(), b.size(), at);
                for (int l = 0; l < a.size(); l++) {
                    assertEquals(a.get(l).layer(), b.get(l).layer(), at);
                    assertArrayEquals(a.get(l).preActivations(), b.get(l).preActivations(), at);
                }
                assertBlocksEqual(Fixtures.gradient(fc, batch, loss, w), Fixtures.gradient(net, batch, loss, w), at);
                Params v = Fixtures.direction(fc, 400 + seed);
                Params hf = Params.zeros(fc.layout());
                Params hn = Params.zeros(fc.layout());
                fc.hessianVector(w, batch, loss, v, hf);
                net.hessianVector(w, batch, loss, v, hn);
                assertBlocksEqual(hf, hn, at);
                for (int o = 0; o < c.outputs(); o++) {
                    List<DenseLayerPiece> p = fc.denseLayerPieces(w, batch, o).orElseThrow();
                    List<DenseLayerPiece> q = net.denseLayerPieces(w, batch, o).orElseThrow();
                    assertEquals(p.size(), q.size(), at);
                    for (int l = 0; l < p.size(); l++) {
                        assertEquals(p.get(l).weightBlock(), q.get(l).weightBlock(), at);
                        assertEquals(p.get(l).biasBlock(), q.get(l).biasBlock(), at);
                        assertEquals(p.get(l).biasScale(), q.get(l).biasScale(), at);
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
