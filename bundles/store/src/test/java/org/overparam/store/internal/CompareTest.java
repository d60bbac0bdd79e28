package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.MetricStats;
import org.overparam.api.store.SeedAggregate;

class CompareTest {
    @TempDir
    Path runs;
    private final H2RunStore store = Records.store();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void comparisonShowsDifferingParametersAndEveryFinalMetric() {
        store.begin(runs, Records.run(runs, "a", 256, 1, 0, "", Set.of()));
        store.begin(runs, Records.run(runs, "b", 1024, 1, 1, "", Set.of()));
        store.finish(runs, "a", Records.outcome(RunStatus.COMPLETED, 10, 0.5, Map.of("train.loss", 0.5, "x", 1.0)));
        store.finish(runs, "b", Records.outcome(RunStatus.CONVERGED, 7, 1e-8, Map.of("train.loss", 1e-8)));
        Comparison c = store.compare(runs, List.of("b", "a"));
        assertEquals(List.of("b", "a"), c.runs().stream().map(r -> r.id()).toList());
        assertEquals(Map.of("architecture.width", List.of("1024", "256")), c.parameters());
        assertEquals(List.of(1e-8, 0.5), c.metrics().get("train.loss"));
        assertNull(c.metrics().get("x").get(0));
        assertEquals(1.0, c.metrics().get("x").get(1), 0);
        assertThrows(InvalidInputException.class, () -> store.compare(runs, List.of("a", "zz")));
    }

    /**
     * Sweep s: widths 64 and 128, seeds 1..3; final train.loss = width * seed / 1000 (seed 3 of width
     * 128 diverged: NaN); a running run and a run of another sweep are left out.
     */
    @Test
    void aSweepAggregatesOverSeeds() {
        int k = 0;
        for (int width : new int[] {128, 64}) {
            for (int seed = 1; seed <= 3; seed++) {
                String id = "w" + width + "s" + seed;
                store.begin(runs, Records.run(runs, id, width, seed, k++, "s", Set.of()));
                boolean diverged = width == 128 && seed == 3;
                double loss = diverged ? Double.NaN : width * seed / 1000.0;
                store.finish(runs, id, Records.outcome(diverged ? RunStatus.DIVERGED : RunStatus.COMPLETED, 10, loss,
                        Map.of("train.loss", loss, "steps", 10.0 * seed)));
            }
        }
        store.begin(runs, Records.run(runs, "running", 64, 4, k++, "s", Set.of()));
        store.begin(runs, Records.run(runs, "other", 64, 1, k, "t", Set.of()));
        store.finish(runs, "other", Records.outcome(RunStatus.COMPLETED, 1, 9, Map.of("train.loss", 9.0)));

        List<SeedAggregate> groups = store.aggregate(runs, "s");
        assertEquals(2, groups.size());
        SeedAggregate g64 = groups.get(0);
        assertEquals(Map.of("architecture.width", "64"), g64.parameters());
        assertEquals(List.of(1L, 2L, 3L), g64.seeds());
        assertEquals(List.of("w64s1", "w64s2", "w64s3"), g64.runIds());
        MetricStats l64 = g64.metrics().get("train.loss");
        assertEquals(3, l64.count());
        assertEquals(0.128, l64.mean(), 1e-15);
        assertEquals(0.064, l64.std(), 1e-15);
        assertEquals(0.064, l64.min(), 0);
        assertEquals(0.192, l64.max(), 0);
        MetricStats steps = g64.metrics().get("steps");
        assertEquals(20.0, steps.mean(), 0);
        assertEquals(10.0, steps.std(), 1e-12);

        SeedAggregate g128 = groups.get(1);
        assertEquals(Map.of("architecture.width", "128"), g128.parameters());
        MetricStats l128 = g128.metrics().get("train.loss");
        assertEquals(2, l128.count(), "the diverged seed's NaN is left out");
        assertEquals(0.192, l128.mean(), 1e-15);
        assertEquals(0.128 / Math.sqrt(2), l128.std(), 1e-15);
        assertEquals(0.128, l128.min(), 0);
        assertEquals(0.256, l128.max(), 0);
        assertThrows(InvalidInputException.class, () -> store.aggregate(runs, "nope"));
    }

    @Test
    void statsOfOneValueHaveNoDeviation() {
        MetricStats s = MetricStats.of(new double[] {2.5, Double.NaN});
        assertEquals(1, s.count());
        assertEquals(2.5, s.mean(), 0);
        assertTrue(Double.isNaN(s.std()));
        assertEquals(0, MetricStats.of(new double[0]).count());
    }

    @Test
    void truncateAfterDeletesLaterRowsAndTheResult() {
        store.begin(runs, Records.run(runs, "r", 64, 1, 0, "", Set.of()));
        store.appendMetrics(runs, "r", Records.loss(10, 0.5));
        store.finish(runs, "r", Records.outcome(RunStatus.COMPLETED, 10, 0.001, Map.of("train.loss", 0.001)));
        assertEquals(2 * 4, store.truncateAfter(runs, "r", 5));
        List<MetricSeries> s = store.metrics(runs, MetricQuery.of(List.of("r")));
        for (MetricSeries m : s) {
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), Arrays.stream(m.steps()).boxed().toList(), m.metric());
        }
        var d = store.run(runs, "r").orElseThrow();
        assertEquals(RunStatus.COMPLETED, d.summary().status(), "the status is the caller's to set");
        assertTrue(d.timings().isEmpty());
        assertEquals(0.5 * 0.5 * 0.5 * 0.5 * 0.5, d.metrics().get("train.loss"), 0, "latest row, no stale final");
        assertEquals(0, store.truncateAfter(runs, "r", 5));
    }

    @Test
    void metricsAreReadByRangeAndThinnedEvenly() {
        store.begin(runs, Records.run(runs, "r", 64, 1, 0, "", Set.of()));
        store.appendMetrics(runs, "r", Records.loss(101, 0.9));
        MetricSeries s = store.metrics(runs, MetricQuery.of(List.of("r")).metrics(List.of("train.loss", "nope"))
                .steps(10, 90).downsampled(5)).get(0);
        assertEquals(List.of(10L, 30L, 50L, 70L, 90L), Arrays.stream(s.steps()).boxed().toList());
        assertEquals(Math.pow(0.9, 30), s.values()[1], 1e-15);
        assertEquals(List.of(0, 3, 6, 9), List.of(MetricReads.pick(0, 10, 4), MetricReads.pick(1, 10, 4),
                MetricReads.pick(2, 10, 4), MetricReads.pick(3, 10, 4)));
        assertEquals(List.of(0, 1, 3, 4), List.of(MetricReads.pick(0, 5, 4), MetricReads.pick(1, 5, 4),
                MetricReads.pick(2, 5, 4), MetricReads.pick(3, 5, 4)));
    }
}
