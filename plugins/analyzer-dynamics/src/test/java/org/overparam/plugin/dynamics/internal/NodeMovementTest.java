package org.overparam.plugin.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockScale;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.testkit.RecordingSink;

/** Per-node movement of the hidden blocks of {@link TinyReluNet}, by hand. */
class NodeMovementTest {
    private final TinyReluNet net = new TinyReluNet(2, 3, 2);
    private final Params initial = Params.wrap(net.layout(), new double[][] {
        {1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0}, {5, 5}});
    // W1 rows move by (3, 4), (0, 0), (1, 0); W2 rows by (1, 1, 1), (0, 2, 0); W3 moves (not recorded).
    private final Params current = Params.wrap(net.layout(), new double[][] {
        {4, 5, 1, 1, 2, 1}, {1, 1, 1, 0, 2, 0}, {7, 5}});

    @Test
    void rowsOfInputAndHiddenBlocksWithStatistics() {
        RecordingSink out = new RecordingSink();
        NodeMovement.record(current, initial, Scaling.identity(net.layout()), out);
        assertEquals(List.of("node_movement.W1", "node_movement.W2"), List.copyOf(out.series.keySet()));
        assertArrayEquals(new double[] {0, 1, 2}, out.series.get("node_movement.W1")[0], 0);
        assertArrayEquals(new double[] {25, 0, 1}, out.series.get("node_movement.W1")[1], 0);
        assertArrayEquals(new double[] {3, 4}, out.series.get("node_movement.W2")[1], 0);
        assertEquals(26.0 / 3, out.scalars.get("node_movement_mean.W1"), 1e-15);
        assertEquals(25.0, out.scalars.get("node_movement_max.W1"), 0);
        // ceil(3 / 10) = 1 node carries 25 of 26.
        assertEquals(25.0 / 26, out.scalars.get("node_movement_top10.W1"), 1e-15);
        assertEquals(4.0 / 7, out.scalars.get("node_movement_top10.W2"), 1e-15);
        assertFalse(out.scalars.keySet().stream().anyMatch(k -> k.endsWith(".W3")), "the output block has no nodes");
    }

    @Test
    void equalLambdasRankByNodeIndexAndHaveNoCorrelation() {
        Scaling s = new Scaling(net.layout(), List.of(BlockScale.ONE, new BlockScale(1, new double[] {0.5, 0.5, 0.5}),
                BlockScale.ONE));
        RecordingSink out = new RecordingSink();
        NodeMovement.record(current, initial, s, out);
        assertEquals(25.0 / 26, out.scalars.get("node_movement_top10_lambda.W1"), 1e-15, "node 0 first among ties");
        assertTrue(Double.isNaN(out.scalars.get("node_movement_spearman_lambda.W1")));
    }

    @Test
    void nothingMovedGivesAnUndefinedShare() {
        RecordingSink out = new RecordingSink();
        NodeMovement.record(initial, initial, Scaling.identity(net.layout()), out);
        assertEquals(0.0, out.scalars.get("node_movement_max.W1"), 0);
        assertTrue(Double.isNaN(out.scalars.get("node_movement_top10.W1")));
    }

    @Test
    void movementAgainstLambdaWhenTheNextLayerHasPerNodeMultipliers() {
        // W2 reads W1's three nodes with multipliers 2 * (1, 0.5, 1.5): lambda = 4, 1, 9.
        Scaling s = new Scaling(net.layout(), List.of(BlockScale.ONE, new BlockScale(2, new double[] {1, 0.5, 1.5}),
                BlockScale.of(3)));
        RecordingSink out = new RecordingSink();
        NodeMovement.record(current, initial, s, out);
        double[][] vs = out.series.get("node_movement_vs_lambda.W1");
        assertArrayEquals(new double[] {1, 4, 9}, vs[0], 1e-15);
        assertArrayEquals(new double[] {0, 25, 1}, vs[1], 0);
        assertFalse(out.series.containsKey("node_movement_vs_lambda.W2"), "W3 has a scalar multiplier only");
        // ceil(3 / 10) = 1 node of largest lambda (node 2, lambda 9) carries 1 of 26; by movement, 25 of 26.
        assertEquals(1.0 / 26, out.scalars.get("node_movement_top10_lambda.W1"), 1e-15);
        assertEquals(25.0 / 26, out.scalars.get("node_movement_top10.W1"), 1e-15);
        // ranks of lambda (2, 1, 3), of movement (3, 1, 2): d = (-1, 0, 1), rho = 1 - 6 * 2 / (3 * 8) = 0.5.
        assertEquals(0.5, out.scalars.get("node_movement_spearman_lambda.W1"), 1e-15);
        assertFalse(out.scalars.containsKey("node_movement_spearman_lambda.W2"));
        assertFalse(out.scalars.containsKey("node_movement_top10_lambda.W2"));
    }
}
