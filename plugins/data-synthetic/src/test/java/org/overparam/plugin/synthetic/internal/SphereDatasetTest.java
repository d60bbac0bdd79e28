package org.overparam.plugin.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.SchemaCheck;

/** {@code sphere}: norms, the distance constraint, determinism, targets and errors. */
class SphereDatasetTest {
    private final SphereDataset sphere = new SphereDataset();

    private Data load(long seed, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return sphere.load(Config.of(m), RandomStream.of(seed));
    }

    @Test
    void sizeBeforeLoadingIsWhatLoadingDelivers() {
        Map<String, Object> m = Map.of("n", 30L, "nTest", 7L, "d", 5L, "outputs", 3L);
        DataSize before = sphere.size(Config.of(m)).orElseThrow();
        assertEquals(DataSize.of(sphere.load(Config.of(m), RandomStream.of(3))), before);
        assertEquals((30 + 7) * (5 + 3) * 8L, before.bytes());
        DataSize huge = sphere.size(Config.of(Map.of("n", 1_000_000_000L, "d", 5L))).orElseThrow();
        assertEquals(48_000_000_000L, huge.bytes(), "a billion points are sized, not loaded");
        assertThrows(ArithmeticException.class, () -> sphere.size(Config.of(Map.of("n", (long) Integer.MAX_VALUE,
                "nTest", (long) Integer.MAX_VALUE, "d", (long) Integer.MAX_VALUE))).orElseThrow().bytes());
        assertEquals(1, sphere.size(Config.of(Map.of("target", "sine"))).orElseThrow().outputs());
    }

    @Test
    void inputsHaveUnitNorm() {
        Data data = load(1, "n", 300L, "nTest", 50L, "d", 7L, "delta", 0.3);
        for (Batch b : new Batch[] {data.train(), data.test()}) {
            for (int i = 0; i < b.n(); i++) {
                assertEquals(1.0, norm(b.inputs(), i * 7, 7), 1e-12);
            }
        }
        assertEquals(Shape.of(7), data.train().inputShape());
        assertEquals(50, data.test().n());
        assertEquals(Task.REGRESSION, data.task());
        assertNull(data.train().labels());
        assertEquals(1.0, data.facts().get("max_norm"), 1e-12);
        assertEquals(300.0, data.facts().get("n"));
        assertEquals(7.0, data.facts().get("d"));
    }

    @Test
    void fixedLastCoordinateFollowsAllenZhuLiSong() {
        double c = 1 / Math.sqrt(2);
        Data data = load(2, "n", 100L, "d", 5L, "lastCoordinate", c, "nTest", 10L);
        for (Batch b : new Batch[] {data.train(), data.test()}) {
            for (int i = 0; i < b.n(); i++) {
                assertEquals(c, b.inputs()[i * 5 + 4], 0);
                assertEquals(Math.sqrt(0.5), norm(b.inputs(), i * 5, 4), 1e-12);
                assertEquals(1.0, norm(b.inputs(), i * 5, 5), 1e-12);
            }
        }
    }

    @Test
    void measuredDeltaIsAtLeastTheRequestedOne() {
        for (double delta : new double[] {0.3, 0.55}) {
            Data data = load(3, "n", 200L, "d", 6L, "delta", delta);
            double measured = data.facts().get("delta");
            assertTrue(measured >= delta, measured + " < " + delta);
            assertEquals(bruteForceMinDistance(data.train().inputs(), 200, 6), measured, 1e-12);
        }
        Data fixed = load(4, "n", 100L, "d", 6L, "delta", 0.3, "lastCoordinate", 0.7071067811865476);
        assertTrue(fixed.facts().get("delta") >= 0.3);
    }

    @Test
    void sameSeedSameDataAndTheTestSetDoesNotMoveTheTrainingSet() {
        Data a = load(5, "n", 40L, "nTest", 10L, "d", 4L, "delta", 0.2, "target", "sine");
        Data b = load(5, "n", 40L, "nTest", 10L, "d", 4L, "delta", 0.2, "target", "sine");
        assertArrayEquals(a.train().inputs(), b.train().inputs(), 0);
        assertArrayEquals(a.train().targets(), b.train().targets(), 0);
        assertArrayEquals(a.test().inputs(), b.test().inputs(), 0);
        assertArrayEquals(a.test().targets(), b.test().targets(), 0);
        assertEquals(a.facts(), b.facts());
        Data noTest = load(5, "n", 40L, "d", 4L, "delta", 0.2, "target", "sine");
        assertArrayEquals(a.train().inputs(), noTest.train().inputs(), 0);
        assertArrayEquals(a.train().targets(), noTest.train().targets(), 0);
        Data other = load(6, "n", 40L, "nTest", 10L, "d", 4L, "delta", 0.2, "target", "sine");
        assertFalse(a.train().inputs()[0] == other.train().inputs()[0]);
    }

    @Test
    void impossibleDeltaGivesAClearErrorWithAFeasibleValue() {
        var e = assertThrows(InvalidInputException.class, () -> load(7, "n", 50L, "d", 3L, "delta", 1.5));
        assertEquals("delta", e.where());
        assertTrue(e.getMessage().startsWith("delta 1.5 is too large for n = 50 points in d = 3: point "),
                e.getMessage());
        assertTrue(e.getMessage().contains("rejected 1000 times in a row; delta <= "), e.getMessage());
        double easy = Feasibility.easyDelta(50, new Sphere(3, Double.NaN));
        assertTrue(easy > 0.1 && easy < 0.5, "easy delta " + easy);
        assertTrue(load(7, "n", 50L, "d", 3L, "delta", easy).facts().get("delta") >= easy);
        e = assertThrows(InvalidInputException.class, () -> load(7, "n", 2L, "d", 3L, "delta", 2.5));
        assertTrue(e.getMessage().contains("no two points of the sphere are that far apart"), e.getMessage());
    }

    @Test
    void sineTargetsAreCaronEtAlsFunctionPlusNoise() {
        Data clean = load(8, "n", 30L, "d", 5L, "target", "sine", "noise", 0.0);
        double[] x = clean.train().inputs();
        for (int i = 0; i < 30; i++) {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                s += 5 * Math.sin(Math.PI * x[i * 5 + j]);
            }
            assertEquals(s / 5, clean.train().targets()[i], 1e-14);
        }
        Data noisy = load(8, "n", 4000L, "d", 5L, "target", "sine");
        Data quiet = load(8, "n", 4000L, "d", 5L, "target", "sine", "noise", 0.0);
        double ss = 0;
        for (int i = 0; i < 4000; i++) {
            double e = noisy.train().targets()[i] - quiet.train().targets()[i];
            ss += e * e;
        }
        assertEquals(0.1, Math.sqrt(ss / 4000), 0.01);
    }

    @Test
    void teacherTargetsAreStandardizedPerOutput() {
        Data data = load(9, "n", 500L, "nTest", 20L, "d", 6L, "outputs", 3L, "teacherWidth", 32L);
        double[] y = data.train().targets();
        for (int c = 0; c < 3; c++) {
            double mean = 0;
            for (int i = 0; i < 500; i++) {
                mean += y[i * 3 + c];
            }
            mean /= 500;
            double var = 0;
            for (int i = 0; i < 500; i++) {
                var += (y[i * 3 + c] - mean) * (y[i * 3 + c] - mean);
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(1, var / 500, 1e-12);
        }
        assertEquals(3, data.test().outputSize());
        assertEquals(60, data.test().targets().length);
    }

    @Test
    void linearTargetIsAUnitVectorDottedWithTheInput() {
        double[] x = {1, 0, 0, 0, 1, 0, 0, 0, 1, Math.sqrt(0.5), Math.sqrt(0.5), 0};
        double[] y = Target.LINEAR.compute(x, 4, 4, 3, 1, 1, RandomStream.of(10));
        assertEquals(1.0, y[0] * y[0] + y[1] * y[1] + y[2] * y[2], 1e-14);
        assertEquals((y[0] + y[1]) * Math.sqrt(0.5), y[3], 1e-15);
    }

    @Test
    void badParametersNameThemselves() {
        assertEquals("outputs", assertThrows(InvalidInputException.class,
                () -> load(11, "target", "sine", "outputs", 2L)).where());
        assertEquals("d", assertThrows(InvalidInputException.class,
                () -> load(11, "d", 2L, "lastCoordinate", 0.5)).where());
        assertEquals("target", assertThrows(InvalidInputException.class, () -> load(11, "target", "cosine")).where());
        ParamSpec lastCoordinate = ParamSpec.of(SphereDataset.Settings.class).stream().filter(p -> p.name().equals("lastCoordinate")).findFirst().orElseThrow();
        assertEquals("value -0.5 is out of range [0, 1)", assertThrows(InvalidInputException.class, () -> lastCoordinate.check("lastCoordinate", -0.5)).getMessage(),
                "refused by the schema before the component runs");
    }

    @Test
    void zeroLastCoordinateAndNegativeNoiseMeanTheDefaults() {
        Data byDefault = load(14, "n", 20L, "d", 4L, "target", "sine");
        Data explicit = load(14, "n", 20L, "d", 4L, "target", "sine", "lastCoordinate", 0.0, "noise", -1.0);
        Data tenth = load(14, "n", 20L, "d", 4L, "target", "sine", "noise", 0.1);
        assertArrayEquals(byDefault.train().inputs(), explicit.train().inputs(), 0);
        assertArrayEquals(byDefault.train().targets(), explicit.train().targets(), 0);
        assertArrayEquals(byDefault.train().targets(), tenth.train().targets(), 0);
        assertTrue(byDefault.description().endsWith("sine targets, noise sd 0.100"), byDefault.description());
    }

    @Test
    void oneTrainingPointHasNoDeltaFact() {
        Data data = load(12, "n", 1L, "d", 3L, "delta", 1.0);
        assertFalse(data.facts().containsKey("delta"));
        assertEquals(1, data.train().n());
    }

    static double norm(double[] x, int off, int len) {
        double s = 0;
        for (int j = 0; j < len; j++) {
            s += x[off + j] * x[off + j];
        }
        return Math.sqrt(s);
    }

    static double bruteForceMinDistance(double[] x, int n, int d) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int e = 0; e < d; e++) {
                    double t = x[i * d + e] - x[j * d + e];
                    s += t * t;
                }
                min = Math.min(min, Math.sqrt(s));
            }
        }
        return min;
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new SphereDataset());
    }
}
