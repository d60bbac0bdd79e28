package org.overparam.plugin.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/** Flipped ReLU patterns on a hand-worked two-layer example; the bit packing against a naive count. */
class PatternFlipsTest {
    private final TinyReluNet net = new TinyReluNet(2, 2, 1);
    // x1 = (1, 0), x2 = (0, 1), x3 = (1, 1).
    private final Data data = new Data(new Batch(Shape.of(2), 3, new double[] {1, 0, 0, 1, 1, 1}, 1, new double[3], null),
            new Batch(Shape.of(2), 0, new double[0], 1, new double[0], null), Task.REGRESSION, Map.of(), "hand-made");
    // W1 = [[1, -1], [-1, 1]]: z1 = (1, -1), (-1, 1), (0, 0) -> on/off, off/on, off/off.
    // W2 = [[1, 1]]: z2 = 1, 1, 0 -> on, on, off.
    private final Params initial = Params.wrap(net.layout(), new double[][] {{1, -1, -1, 1}, {1, 1}, {1}});
    // W1 = [[1, 0.5], [-1, -1]]: z1 = (1, -1), (0.5, -1), (1.5, -2): 3 of 6 flipped.
    // W2 = [[-1, 1]]: z2 = -1, -0.5, -1.5 -> off, off, off: 2 of 3 flipped.
    private final Params moved = Params.wrap(net.layout(), new double[][] {{1, 0.5, -1, -1}, {-1, 1}, {1}});

    private static Config flipsOnly(int flipPoints) {
        return Config.of(Map.of("perBlock", false, "perNode", false, "flipPoints", (long) flipPoints));
    }

    @Test
    void handExampleFlipsExactlyAndStepZeroFlipsNothing() {
        FakeSnapshot start = new FakeSnapshot(initial.copy(), initial, net, data, flipsOnly(0));
        start.step = 0;
        RecordingSink first = new RecordingSink();
        new DynamicsAnalyzer().analyze(start, first);
        assertEquals(0.0, first.scalars.get("flip.h1"), 0);
        assertEquals(0.0, first.scalars.get("flip.h2"), 0);
        assertEquals(0.0, first.scalars.get("flip"), 0);
        assertArrayEquals(new double[] {0, 1, 2}, start.state.array("flip.rows", 3), 0);
        // on-bits of h1, row-major over (sample, unit): 1 0 | 0 1 | 0 0 -> bits 0 and 3.
        assertArrayEquals(new double[] {1 + 8}, start.state.array("flip.h1", 1), 0);
        assertArrayEquals(new double[] {1 + 2}, start.state.array("flip.h2", 1), 0);

        FakeSnapshot later = new FakeSnapshot(moved, initial, net, data, flipsOnly(0));
        later.state = start.state;
        RecordingSink out = new RecordingSink();
        new DynamicsAnalyzer().analyze(later, out);
        assertEquals(0.5, out.scalars.get("flip.h1"), 0);
        assertEquals(2.0 / 3.0, out.scalars.get("flip.h2"), 0);
        assertEquals(5.0 / 9.0, out.scalars.get("flip"), 0);
    }

    @Test
    void withoutStateTheInitialPatternsComeFromTheInitialPoint() {
        RecordingSink out = new RecordingSink();
        new DynamicsAnalyzer().analyze(new FakeSnapshot(moved, initial, net, data, flipsOnly(0)), out);
        assertEquals(5.0 / 9.0, out.scalars.get("flip"), 0);
    }

    @Test
    void aSubsetOfSamplesIsDrawnOnceAndKept() {
        FakeSnapshot s = new FakeSnapshot(moved, initial, net, data, flipsOnly(2));
        new DynamicsAnalyzer().analyze(s, new RecordingSink());
        double[] rows = s.state.array("flip.rows", 2).clone();
        assertTrue(rows[0] < rows[1] && rows[0] >= 0 && rows[1] <= 2, java.util.Arrays.toString(rows));
        RecordingSink again = new RecordingSink();
        new DynamicsAnalyzer().analyze(s, again);
        assertArrayEquals(rows, s.state.array("flip.rows", 2), 0);
        // Per sample, h1 and h2 flips: x1 0 + 1, x2 2 + 1, x3 1 + 0.
        int[] perSample = {1, 3, 1};
        double expected = (perSample[(int) rows[0]] + perSample[(int) rows[1]]) / 6.0;
        assertEquals(expected, again.scalars.get("flip"), 0);
    }

    @Test
    void packedCountsMatchANaiveCountAcrossWordBoundaries() {
        SplittableRandom r = new SplittableRandom(7);
        for (int len : new int[] {1, 31, 32, 33, 64, 100}) {
            double[] before = new double[len];
            double[] after = new double[len];
            int naive = 0;
            for (int i = 0; i < len; i++) {
                before[i] = r.nextDouble() - 0.5;
                after[i] = r.nextDouble() - 0.5;
                naive += (before[i] > 0) != (after[i] > 0) ? 1 : 0;
            }
            double[] packed = new double[PatternFlips.words(len)];
            PatternFlips.pack(before, packed);
            for (double w : packed) {
                assertTrue(w >= 0 && w < 0x1p32 && w == Math.rint(w), "packed words are exact integers");
            }
            assertEquals(naive, PatternFlips.count(packed, after), "length " + len);
            assertEquals(0, PatternFlips.count(packed, before), "length " + len);
        }
    }
}
