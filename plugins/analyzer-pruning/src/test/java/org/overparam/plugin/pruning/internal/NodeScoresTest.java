package org.overparam.plugin.pruning.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;

/** Scores {@code lambda_j u_j^2} of a hand-made output block, with and without per-node multipliers. */
class NodeScoresTest {
    private static final Layout LAYOUT = new Layout(List.of(BlockSpec.of("W1", Shape.of(4, 3), BlockRole.INPUT, 3),
            BlockSpec.of("W_out", Shape.of(2, 4), BlockRole.OUTPUT, 4)));

    private static Params point() {
        // W_out rows: output 0 and output 1; column j is node j's output weights.
        return Params.wrap(LAYOUT, new double[][] {new double[12], {1, -2, 0.5, 3, 1, 0, 0.5, -1}});
    }

    @Test
    void asymmetricScoresMultiplyLambdaByTheSquaredOutputColumn() {
        double[] sqrtLambda = {0.1, 1.0, 2.0, 0.5};
        Scaling s = new Scaling(LAYOUT, List.of(BlockScale.of(1), new BlockScale(0.7, sqrtLambda)));
        NodeScores n = NodeScores.of(point(), s);
        assertEquals(1, n.outputBlock());
        assertFalse(n.symmetric());
        assertArrayEquals(new double[] {0.01, 1, 4, 0.25}, n.lambda(), 1e-15);
        assertArrayEquals(new double[] {2, 4, 0.5, 10}, n.u2(), 1e-15);
        // scores 0.02, 4, 2, 2.5
        assertArrayEquals(new int[] {0, 2, 3, 1}, n.pruningOrder());
        assertArrayEquals(new int[] {2, 1, 3, 0}, n.lambdaRanking());
    }

    @Test
    void aSymmetricNetScoresByTheOutputWeightsAlone() {
        NodeScores n = NodeScores.of(point(), Scaling.identity(LAYOUT));
        assertTrue(n.symmetric());
        assertArrayEquals(new double[] {1, 1, 1, 1}, n.lambda(), 0);
        assertArrayEquals(new int[] {2, 0, 1, 3}, n.pruningOrder());
        assertArrayEquals(new int[] {0, 1, 2, 3}, n.lambdaRanking(), "ties keep the node order");
    }

    @Test
    void equalMultipliersCountAsSymmetric() {
        Scaling s = new Scaling(LAYOUT, List.of(BlockScale.of(1), new BlockScale(1, new double[] {0.5, 0.5, 0.5, 0.5})));
        NodeScores n = NodeScores.of(point(), s);
        assertTrue(n.symmetric());
        assertArrayEquals(new int[] {2, 0, 1, 3}, n.pruningOrder());
    }

    @Test
    void aLayoutWithoutAnOutputBlockIsRefused() {
        Layout l = new Layout(List.of(BlockSpec.of("W1", Shape.of(4, 3), BlockRole.INPUT, 3)));
        assertEquals("pruning", assertThrows(InvalidInputException.class, () -> NodeScores.outputBlock(l)).where());
    }
}
