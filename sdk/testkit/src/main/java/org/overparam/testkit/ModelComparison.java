package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;

/**
 * Two models of the same network compared to the bit (tolerance 0; {@link #assertEquivalent}
 * relaxes the derivatives): the layouts, and on 5 samples
 * at a random point the outputs, the activations, the gradient and the Hessian-vector product of a
 * weighted squared loss, and the NTK pieces of every output (or their absence in both). For a model rewritten on
 * org.overparam.nn layers against the hand-written one it replaces (issue 14).
 */
public final class ModelComparison {
    private ModelComparison() {
    }

    /**
     * @param expected the reference model
     * @param actual the model that must equal it
     * @param seed the seed of the batch, point, loss weights and direction
     * @param at what to name in a failure
     */
    public static void assertIdentical(Model expected, Model actual, long seed, String at) {
        assertEquivalent(expected, actual, seed, 0.0, at);
    }

    /**
     * As {@link #assertIdentical}, with the gradient and the Hessian-vector product allowed to
     * differ by {@code tolerance} relative to their largest entry (passes that sum the same terms
     * in another order); the layouts, outputs, activations and pieces still to the bit.
     *
     * @param expected the reference model
     * @param actual the model that must equal it
     * @param seed the seed of the batch, point, loss weights and direction
     * @param tolerance the derivatives' relative tolerance (max norm); 0 for bit-identical
     * @param at what to name in a failure
     */
    public static void assertEquivalent(Model expected, Model actual, long seed, double tolerance, String at) {
        assertEquals(expected.layout().blocks(), actual.layout().blocks(), at);
        Batch batch = Fixtures.batch(expected, 5, 100 + seed);
        Params w = Fixtures.point(expected, 200 + seed);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 300 + seed));
        assertArrayEquals(expected.forward(w, batch).output(), actual.forward(w, batch).output(), at);
        List<Activation> a = expected.forward(w, batch).activations();
        List<Activation> b = actual.forward(w, batch).activations();
        assertEquals(a.size(), b.size(), at);
        for (int l = 0; l < a.size(); l++) {
            assertEquals(a.get(l).layer(), b.get(l).layer(), at);
            assertEquals(a.get(l).width(), b.get(l).width(), at);
            assertArrayEquals(a.get(l).preActivations(), b.get(l).preActivations(), at);
        }
        assertClose(Fixtures.gradient(expected, batch, loss, w), Fixtures.gradient(actual, batch, loss, w), tolerance,
                at + " gradient");
        Params v = Fixtures.direction(expected, 400 + seed);
        Params he = Params.zeros(expected.layout());
        Params ha = Params.zeros(expected.layout());
        expected.hessianVector(w, batch, loss, v, he);
        actual.hessianVector(w, batch, loss, v, ha);
        assertClose(he, ha, tolerance, at + " Hessian-vector product");
        for (int o = 0; o < expected.outputSize(); o++) {
            assertEquals(expected.denseLayerPieces(w, batch, o).isPresent(),
                    actual.denseLayerPieces(w, batch, o).isPresent(), at + " pieces present");
            if (expected.denseLayerPieces(w, batch, o).isEmpty()) {
                continue;
            }
            List<DenseLayerPiece> p = expected.denseLayerPieces(w, batch, o).orElseThrow();
            List<DenseLayerPiece> q = actual.denseLayerPieces(w, batch, o).orElseThrow();
            assertEquals(p.size(), q.size(), at);
            for (int l = 0; l < p.size(); l++) {
                String piece = at + " piece " + l + " of output " + o;
                assertEquals(p.get(l).weightBlock(), q.get(l).weightBlock(), piece);
                assertEquals(p.get(l).biasBlock(), q.get(l).biasBlock(), piece);
                assertEquals(p.get(l).biasScale(), q.get(l).biasScale(), piece);
                assertArrayEquals(p.get(l).inputs(), q.get(l).inputs(), piece);
                assertArrayEquals(p.get(l).signals(), q.get(l).signals(), piece);
            }
        }
    }

    private static void assertClose(Params a, Params b, double tolerance, String at) {
        if (tolerance == 0) {
            assertBlocksEqual(a, b, at);
            return;
        }
        double err = Fixtures.maxAbsDiff(a, b) / Fixtures.maxAbs(a);
        org.junit.jupiter.api.Assertions.assertTrue(err <= tolerance, at + " differs by " + err + " relative");
    }

    private static void assertBlocksEqual(Params a, Params b, String at) {
        for (int i = 0; i < a.layout().count(); i++) {
            assertArrayEquals(a.block(i), b.block(i), at + " block " + a.layout().block(i).name());
        }
    }
}
