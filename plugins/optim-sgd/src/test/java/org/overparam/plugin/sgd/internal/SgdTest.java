package org.overparam.plugin.sgd.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.run.ParamSpec;
import org.overparam.plugin.gd.internal.GradientDescent;
import org.overparam.testkit.FakeContext;

/** {@code sgd}: hand-computed iterates, epochs, with replacement, GD equivalence, bitwise continuation. */
class SgdTest {
    private final StochasticGradientDescent sgd = new StochasticGradientDescent();

    /** x = (1, 0), (0, 1), (1, 1); y = 1, 2, 4; sum reduction. */
    private static LeastSquares three(boolean mean) {
        return new LeastSquares(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {1, 2, 4}, mean);
    }

    /** A random least-squares problem: n = 10 rows in R^4. */
    private static LeastSquares ten(boolean mean) {
        RandomStream r = RandomStream.of(44);
        double[][] x = new double[10][4];
        for (double[] row : x) {
            r.fillGaussian(row, 1.0);
        }
        double[] y = new double[10];
        r.fillGaussian(y, 1.0);
        return new LeastSquares(x, y, mean);
    }

    /**
     * Seed 3's stream shuffles 0..2 into [2, 1, 0], then [2, 0, 1]. Batch 1, lr 1/4, sum loss: the
     * estimate is n/b = 3 times the row's gradient {@code (x_i . w - y_i) x_i}, so w moves by
     * {@code -3/4 (x_i . w - y_i) x_i}: (0, 0) -> (3, 3) -> (3, 9/4) -> (3/2, 9/4) -> (27/16, 39/16).
     */
    @Test
    void fourStepsGiveTheHandComputedIterates() {
        LeastSquares q = three(false);
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.25, "batchSize", 1L,
                "reportLoss", "batch")), new State(), RandomStream.of(3));
        double[][] w = {{3, 3}, {3, 2.25}, {1.5, 2.25}, {1.6875, 2.4375}};
        int[] rows = {2, 1, 0, 2};
        double[] losses = {3 * 8, 3 * 0.5, 3 * 2, 3 * 0.03125};
        double[] epochs = {1, 1, 1, 2};
        for (int t = 0; t < 4; t++) {
            assertEquals(losses[t], sgd.step(ctx), 0, "batch estimate of the loss at step " + t);
            assertArrayEquals(w[t], ctx.params().block(0), 0, "w_" + (t + 1));
            assertArrayEquals(new int[] {rows[t]}, q.calls.get(t));
            assertEquals(epochs[t], ctx.reports.get("epoch"), 0);
            ctx.step++;
        }
        assertEquals(4, q.sampleGradients());
    }

    @Test
    void meanReductionIsNotRescaledAndFullLossIsLeftToTheEngine() {
        LeastSquares q = three(true);
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.25, "batchSize", 1L)),
                new State(), RandomStream.of(3));
        ctx.others.put(ComponentKind.LOSS, Config.of(Map.of("reduction", "mean")));
        assertTrue(Double.isNaN(sgd.step(ctx)), "reportLoss full: the engine evaluates the loss");
        assertArrayEquals(new double[] {1, 1}, ctx.params().block(0), 0, "w - 1/4 * (-4, -4): no factor n/b");
    }

    @Test
    void fullBatchIsGradientDescentBitwise() {
        for (boolean mean : new boolean[] {false, true}) {
            LeastSquares a = ten(mean);
            LeastSquares b = ten(mean);
            FakeContext viaSgd = new FakeContext(a.point(0.1, -0.2, 0.3, 0.4), a, Config.of(Map.of("lr", 0.05,
                    "batchSize", 10L)));
            FakeContext viaGd = new FakeContext(b.point(0.1, -0.2, 0.3, 0.4), b, Config.of(Map.of("lr", 0.05)));
            viaGd.others.put(ComponentKind.LOSS, Config.of(Map.of("reduction", mean ? "mean" : "sum")));
            viaSgd.others.putAll(viaGd.others);
            GradientDescent gd = new GradientDescent();
            for (int t = 0; t < 50; t++) {
                viaSgd.schedule = viaGd.schedule = 1.0 / (1 + t);
                assertEquals(gd.step(viaGd), sgd.step(viaSgd), 0);
                assertArrayEquals(viaGd.params().block(0), viaSgd.params().block(0), 0, "step " + t);
                viaSgd.step++;
                viaGd.step++;
            }
            assertEquals(viaGd.reports.get("grad_norm"), viaSgd.reports.get("grad_norm"), 0);
            assertEquals(0, viaSgd.random().position(), "a full batch draws nothing");
            assertNull(a.calls.get(0), "all rows, in the oracle's own order");
        }
    }

    @Test
    void everyEpochVisitsEachRowOnceAndTheRemainderIsLeftOut() {
        LeastSquares q = ten(false);
        FakeContext ctx = new FakeContext(q.point(0, 0, 0, 0), q, Config.of(Map.of("lr", 1e-3, "batchSize", 5L)));
        ctx.run(sgd, 6);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[10];
            for (int k = 0; k < 2; k++) {
                for (int i : q.calls.get(2 * epoch + k)) {
                    seen[i]++;
                }
            }
            int[] once = new int[10];
            Arrays.fill(once, 1);
            assertArrayEquals(once, seen, "epoch " + epoch);
        }
        LeastSquares r = ten(false);
        FakeContext odd = new FakeContext(r.point(0, 0, 0, 0), r, Config.of(Map.of("lr", 1e-3, "batchSize", 4L)));
        odd.run(sgd, 4);
        assertEquals(2.0, odd.state().scalar(Batches.EPOCH, 0), 0, "10 rows in batches of 4: two per epoch");
        long distinct = Arrays.stream(concat(r.calls.get(0), r.calls.get(1))).distinct().count();
        assertEquals(8, distinct);
    }

    @Test
    void withReplacementDrawsBatchSizeRowsFromTheStream() {
        LeastSquares q = ten(false);
        FakeContext ctx = new FakeContext(q.point(0, 0, 0, 0), q, Config.of(Map.of("lr", 1e-3, "batchSize", 25L,
                "replacement", true)), new State(), RandomStream.of(8));
        ctx.run(sgd, 3);
        RandomStream same = RandomStream.of(8);
        for (int t = 0; t < 3; t++) {
            int[] expected = new int[25];
            for (int i = 0; i < 25; i++) {
                expected[i] = same.nextInt(10);
            }
            assertArrayEquals(expected, q.calls.get(t));
        }
        assertEquals(75, q.sampleGradients());
        assertTrue(ctx.state().isEmpty(), "no state beyond the stream's position");
    }

    /** Run k steps, copy the state, the point and the stream, continue in a fresh context: bitwise the same. */
    @Test
    void stateExportAndImportContinueBitwise() {
        for (boolean replacement : new boolean[] {false, true}) {
            Config c = Config.of(Map.of("lr", 0.02, "batchSize", 3L, "replacement", replacement));
            LeastSquares q = ten(false);
            FakeContext whole = new FakeContext(q.point(0, 0, 0, 0), q, c, new State(), RandomStream.of(9));
            whole.run(sgd, 20);
            FakeContext first = new FakeContext(q.point(0, 0, 0, 0), q, c, new State(), RandomStream.of(9));
            first.run(sgd, 5);
            FakeContext rest = new FakeContext(first.params().copy(), q, c, first.state().copy(),
                    RandomStream.restore(first.random().seed(), first.random().position()));
            rest.step = 5;
            rest.run(sgd, 15);
            assertArrayEquals(whole.params().block(0), rest.params().block(0), 0, "replacement " + replacement);
            assertEquals(whole.random().position(), rest.random().position());
        }
    }

    @Test
    void parametersAreCheckedAndDefaultsPassTheirSchema() {
        ParamSpec batchSize = ParamSpec.of(StochasticGradientDescent.Settings.class).stream()
                .filter(p -> p.name().equals("batchSize")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class,
                () -> batchSize.check("batchSize", 0L)).getMessage(), "refused by the schema before the component runs");
        for (ParamSpec p : ParamSpec.of(sgd.configType())) {
            assertFalse(p.description().isBlank(), p.name());
            assertFalse(p.required(), p.name());
            assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), p.name());
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
