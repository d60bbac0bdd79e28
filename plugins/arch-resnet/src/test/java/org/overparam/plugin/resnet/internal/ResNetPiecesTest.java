package org.overparam.plugin.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.BlockSpec;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.PieceGrams;

/**
 * The structured NTK {@code sum_l (X_l X_l^T) .* (G_l G_l^T)} from a dense resnet's pieces against
 * {@code J J^T} from per-sample gradients, with and without a non-identity {@link Scaling}.
 */
class ResNetPiecesTest {
    /** Both sides exact up to rounding. */
    static final double TOLERANCE = 1e-12;

    static List<ResNets.Case> cases() {
        return ResNets.dense();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesGiveTheGramOfPerSampleGradients(ResNets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 6, 61);
        Params w = Fixtures.point(model, 62);
        for (int o = 0; o < model.outputSize(); o++) {
            assertTrue(PieceGrams.error(model, w, batch, o) < TOLERANCE, c + " output " + o);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesThroughANonIdentityScalingMatchRawPerSampleGradients(ResNets.Case c) {
        Model inner = c.model();
        Model model = PieceGrams.scaling(inner.layout(), "B", 81).wrap(inner);
        Batch batch = Fixtures.batch(model, 5, 82);
        Params raw = Fixtures.point(model, 83);
        for (int o = 0; o < model.outputSize(); o++) {
            assertTrue(PieceGrams.error(model, raw, batch, o) < TOLERANCE, c + " output " + o);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesNameTheirBlocksAndHaveTheLayersShapes(ResNets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 3, 91);
        List<DenseLayerPiece> pieces = model.denseLayerPieces(Fixtures.point(model, 92), batch, 0).orElseThrow();
        assertEquals(c.depth() + 2, pieces.size());
        for (int l = 0; l < pieces.size(); l++) {
            DenseLayerPiece p = pieces.get(l);
            BlockSpec w = model.layout().block(l);
            assertEquals(w.name(), p.weightBlock());
            assertEquals(w.shape().dim(0), p.out());
            assertEquals(w.shape().dim(1), p.in());
            assertEquals(3 * p.in(), p.inputs().length);
            assertEquals(3 * p.out(), p.signals().length);
            assertNull(p.biasBlock());
            assertEquals(0.0, p.biasScale());
        }
        assertTrue(pieces.get(0).inputs() != batch.inputs(), "the batch's inputs must not be handed out");
    }
}
