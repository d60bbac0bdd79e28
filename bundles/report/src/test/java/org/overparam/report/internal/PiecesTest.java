package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;

/** The report's small parts: statistics, the rate fit, thinning, metric files, grouping, formats. */
class PiecesTest {
    @TempDir
    Path tmp;

    @Test
    void seedStatsLeaveOutNonFiniteValues() {
        SeedStats s = SeedStats.of(new double[] {1, 2, Double.NaN, 3, 4, Double.POSITIVE_INFINITY});
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 0.0);
        assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-15);
        SeedStats one = SeedStats.of(new double[] {7});
        assertEquals(0, one.std(), 0.0);
        SeedStats none = SeedStats.of(new double[] {Double.NaN});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
        assertEquals("-", none.text());
    }

    @Test
    void theRateFitRecoversAnExponential() {
        long[] steps = new long[200];
        double[] loss = new double[200];
        for (int t = 0; t < 200; t++) {
            steps[t] = t;
            loss[t] = 3 * Math.pow(0.97, t);
        }
        Curve c = new Curve("train.loss", steps, loss);
        RateFit free = RateFit.of(c, 0, Double.NaN);
        assertEquals(Math.log(0.97), free.slope(), 1e-12);
        assertEquals(Math.log(3), free.intercept(), 1e-10);
        assertEquals(0.97, free.rate(), 1e-12);
        assertEquals(200, free.points());
        RateFit given = RateFit.of(c, 50, Math.log(0.97));
        assertEquals(150, given.from());
        assertEquals(199, given.to());
        assertEquals(Math.log(3), given.intercept(), 1e-10);
        assertNull(RateFit.of(new Curve("x", new long[] {0, 1}, new double[] {1, 0.5}), 0, Double.NaN));
    }

    @Test
    void thinningKeepsEndsAndBudget() {
        double[] steps = new double[100_001];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        int[] idx = Downsample.logSpaced(steps, 2000);
        assertTrue(idx.length <= 2000 && idx.length > 1000, "kept " + idx.length);
        assertEquals(0, idx[0]);
        assertEquals(100_000, idx[idx.length - 1]);
        for (int i = 1; i < idx.length; i++) {
            assertTrue(idx[i] > idx[i - 1]);
        }
        // every step kept at the start, where the targets are denser than the steps
        assertArrayEquals(new int[] {0, 1, 2, 3}, java.util.Arrays.copyOf(idx, 4));
        int[] short1 = Downsample.overSteps(java.util.Arrays.copyOf(steps, 300), 4000);
        assertTrue(short1.length <= 150, "every-step curves are thinned to half: " + short1.length);
        double[] sparse = {0, 50, 100, 150};
        assertArrayEquals(new int[] {0, 1, 2, 3}, Downsample.overSteps(sparse, 4000));
        assertArrayEquals(new int[] {0, 2, 5, 7, 9}, Downsample.even(10, 5));
    }

    @Test
    void metricsAreReadPerMetricAndBadRowsNamed() throws Exception {
        Path f = tmp.resolve("metrics.csv");
        Files.writeString(f, "step,metric,value\n0,train.loss,1.5\n0,a.b,NaN\n1,train.loss,0.5\n2,train.lo");
        Metrics m = Metrics.read(f);
        assertEquals(List.of("train.loss", "a.b"), List.copyOf(m.names()));
        assertArrayEquals(new long[] {0, 1}, m.get("train.loss").steps(), "the unfinished last line is left out");
        assertEquals(0.5, m.last("train.loss"), 0.0);
        Files.writeString(f, "step,metric,value\n0,train.loss,1.5\nzero,train.loss,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Metrics.read(f));
        assertEquals(f + ":3", e.where());
        Files.writeString(f, "x,y\n");
        assertEquals(f + ":1", assertThrows(InvalidInputException.class, () -> Metrics.read(f)).where());
    }

    @Test
    void malformedRunFilesNameTheirLine() throws Exception {
        Files.writeString(tmp.resolve("metrics.csv"), "step,metric,value\n0,train.loss,1\n");
        Files.writeString(tmp.resolve("result.json"), "{\n  \"id\": \"x\",\n  \"status\": \n}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunReader.read(tmp));
        assertEquals(tmp.resolve("result.json") + ":4", e.where());
        Files.delete(tmp.resolve("result.json"));
        Files.writeString(tmp.resolve("spec.yaml"), "name: x\nseed: [1\n");
        e = assertThrows(InvalidInputException.class, () -> RunReader.read(tmp));
        assertTrue(e.where().startsWith(tmp.resolve("spec.yaml") + ":"), e.where());
        Files.writeString(tmp.resolve("spec.yaml"), "name: x\n");
        RunData run = RunReader.read(tmp);
        assertEquals("UNKNOWN", run.status());
        assertEquals(tmp.getFileName().toString(), run.id());
    }

    @Test
    void genericMetricsGroupBySiblingIndices() {
        Set<String> bases = Set.of("hessian.top1", "hessian.top2", "dynamics.rate_r2", "dynamics.rate", "train.loss");
        assertEquals("hessian.top", GenericPlots.group(bases, "hessian.top1"));
        assertEquals("dynamics.rate_r2", GenericPlots.group(bases, "dynamics.rate_r2"));
        assertEquals("hessian.top2", GenericPlots.base("hessian.top2.W2"));
        assertEquals("train.loss", GenericPlots.base("train.loss"));
    }

    @Test
    void logAxesWithinADecadeAreWidenedToLabelledDecades() {
        assertEquals(0, Charts.decadesWithin(0.02, 0.09));
        assertEquals(1, Charts.decadesWithin(0.02, 0.1));
        assertEquals(3, Charts.decadesWithin(1e-3, 0.5));
        org.knowm.xchart.XYChart c = Charts.xy("t", "x", "y", false, true);
        Charts.line(c, "loss", new double[] {0, 1, 2}, new double[] {0.09, 0.05, 0.03}, 100, true);
        Charts.labelDecades(c);
        assertEquals(0.01, c.getStyler().getYAxisMin(), 1e-15);
        assertEquals(0.1, c.getStyler().getYAxisMax(), 1e-15);
        org.knowm.xchart.XYChart wide = Charts.xy("t", "x", "y", false, true);
        Charts.line(wide, "loss", new double[] {0, 1}, new double[] {30, 1e-4}, 100, true);
        Charts.labelDecades(wide);
        assertNull(wide.getStyler().getYAxisMin(), "six decades: left to XChart");
    }

    @Test
    void formatsAndEscapes() {
        assertEquals("0.0123", Format.number(0.0123));
        assertEquals("1.5e-08", Format.number(1.5e-8));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("-0.86", Format.short2(-0.857142));
        assertEquals("10", Format.short2(10));
        assertEquals("0", Format.short2(-0.001));
        assertEquals("&lt;b&gt; &amp; &quot;", Html.escape("<b> & \""));
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, SliceGrid.grid(-0.5, 0.5, 3), 0.0);
    }
}
