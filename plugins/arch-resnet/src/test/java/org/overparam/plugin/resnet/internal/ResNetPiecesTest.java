package org.overparam.plugin.resnet.internal;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Model;
import org.overparam.api.Scaling;
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
        PieceGrams.assertMatchPerSampleGradients(c.model(), 6, 61, TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesThroughANonIdentityScalingMatchRawPerSampleGradients(ResNets.Case c) {
        Model inner = c.model();
        PieceGrams.assertMatchPerSampleGradients(PieceGrams.scaling(inner.layout(), "B", 81).wrap(inner), 5, 82,
                TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesNameTheirBlocksAndHaveTheLayersShapes(ResNets.Case c) {
        PieceGrams.assertPiecesMatchTheirBlocks(c.model(), c.depth() + 2, l -> l, l -> null);
    }
}
