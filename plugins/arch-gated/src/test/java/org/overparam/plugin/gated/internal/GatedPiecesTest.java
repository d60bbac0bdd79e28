package org.overparam.plugin.gated.internal;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Model;
import org.overparam.api.Scaling;
import org.overparam.testkit.PieceGrams;

/**
 * The structured NTK {@code sum_l (X_l X_l^T) .* (G_l G_l^T)} from the gated surrogate's pieces against
 * {@code J J^T} from per-sample gradients, with and without a non-identity {@link Scaling}.
 */
class GatedPiecesTest {
    /** Both sides exact up to rounding. */
    static final double TOLERANCE = 1e-12;

    static List<Gateds.Case> cases() {
        return Gateds.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesGiveTheGramOfPerSampleGradients(Gateds.Case c) {
        PieceGrams.assertMatchPerSampleGradients(c.model(), 6, 61, TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesThroughANonIdentityScalingMatchRawPerSampleGradients(Gateds.Case c) {
        Model inner = c.model();
        PieceGrams.assertMatchPerSampleGradients(PieceGrams.scaling(inner.layout(), "W_out", 81).wrap(inner), 5, 82,
                TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesNameTheirBlocksAndHaveTheLayersShapes(Gateds.Case c) {
        PieceGrams.assertPiecesMatchTheirBlocks(c.model(), c.depth() + 1, l -> l, l -> null);
    }
}
