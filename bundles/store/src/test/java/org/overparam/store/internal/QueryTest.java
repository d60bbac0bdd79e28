package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ParamFilter;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunSummary;

/**
 * Twelve runs: widths 256, 512, 1024 x seeds 1..4, started a minute apart in that order (run
 * {@code r<k>} at minute k); seeds 1 and 2 converge, 3 completes, 4 still runs; tag {@code odd} on odd
 * k, tag {@code b} on widths 1024; the first eight in sweep {@code s1}.
 */
class QueryTest {
    @TempDir
    static Path runs;
    private static H2RunStore store;

    @BeforeAll
    static void fill() {
        store = Records.store();
        int k = 0;
        for (int width : new int[] {256, 512, 1024}) {
            for (int seed = 1; seed <= 4; seed++) {
                String id = "r" + k;
                Set<String> tags = new java.util.TreeSet<>();
                if (k % 2 == 1) {
                    tags.add("odd");
                }
                if (width == 1024) {
                    tags.add("b");
                }
                store.begin(runs, Records.run(runs, id, width, seed, k, k < 8 ? "s1" : "", tags));
                if (seed <= 3) {
                    double loss = 1.0 / (width * seed);
                    store.finish(runs, id, Records.outcome(seed <= 2 ? RunStatus.CONVERGED : RunStatus.COMPLETED, 100,
                            loss, Map.of("train.loss", loss, "dynamics.rate", 1 - 1.0 / width)));
                }
                k++;
            }
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String> ids(RunQuery q) {
        return store.runs(runs, q).runs().stream().map(RunSummary::id).toList();
    }

    private static RunQuery oldestFirst() {
        return RunQuery.all().sortedBy("created", false);
    }

    @Test
    void theDefaultListsNewestFirst() {
        RunPage p = store.runs(runs, RunQuery.all());
        assertEquals(12, p.total());
        assertEquals("r11", p.runs().get(0).id());
        assertEquals("r0", p.runs().get(11).id());
    }

    @Test
    void parametersFilterByNumberTextAndComparison() {
        assertEquals(List.of("r8", "r9", "r10", "r11"),
                ids(oldestFirst().withParam(ParamFilter.parse("architecture.width=1024"))));
        assertEquals(List.of("r8", "r9", "r10", "r11"),
                ids(oldestFirst().withParam(ParamFilter.parse("architecture.width=1.024e3"))));
        assertEquals(List.of("r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"),
                ids(oldestFirst().withParam(ParamFilter.parse("architecture.width>=512"))));
        assertEquals(List.of("r0", "r1", "r2", "r3"),
                ids(oldestFirst().withParam(ParamFilter.parse("architecture.width<512"))));
        assertEquals(List.of("r1", "r5", "r9"), ids(oldestFirst().withParam(ParamFilter.parse("seed=2"))));
        assertEquals(12, ids(oldestFirst().withParam(ParamFilter.parse("stop.targetLoss=1e-7"))).size());
        assertEquals(12, ids(oldestFirst().withParam(ParamFilter.parse("architecture.activation=relu"))).size());
        assertEquals(0, ids(oldestFirst().withParam(ParamFilter.parse("architecture.activation=tanh"))).size());
        assertEquals(List.of("r0", "r4", "r8"), ids(oldestFirst().withParam(ParamFilter.parse("seed!=2"))
                .withParam(ParamFilter.parse("seed<3")).withParam(ParamFilter.parse("seed != 2"))));
        assertEquals(List.of("r4", "r8"), ids(oldestFirst().withParam(ParamFilter.parse("seed=1"))
                .withParam(ParamFilter.parse("architecture.width>256"))));
    }

    @Test
    void statusTagNameAndSweepFilter() {
        assertEquals(List.of("r0", "r1", "r4", "r5", "r8", "r9"), ids(oldestFirst().withStatus(RunStatus.CONVERGED)));
        assertEquals(List.of("r2", "r3", "r6", "r7", "r10", "r11"),
                ids(oldestFirst().withStatus(RunStatus.COMPLETED).withStatus(RunStatus.RUNNING)));
        assertEquals(List.of("r9", "r11"), ids(oldestFirst().withTag("odd").withTag("b")));
        assertEquals(12, ids(oldestFirst().withName("w*e")).size());
        assertEquals(0, ids(oldestFirst().withName("w")).size());
        assertEquals(8, ids(oldestFirst().withSweep("s1")).size());
        assertEquals(List.of("r5"), ids(oldestFirst().withSweep("s1").withTag("odd").withStatus(RunStatus.CONVERGED)
                .withParam(ParamFilter.parse("architecture.width=512"))));
    }

    @Test
    void pagesCountEveryMatch() {
        RunPage p = store.runs(runs, oldestFirst().withTag("odd").page(2, 1));
        assertEquals(6, p.total());
        assertEquals(List.of("r3", "r5"), p.runs().stream().map(RunSummary::id).toList());
        assertEquals(List.of("r11"), ids(oldestFirst().withTag("odd").page(2, 5)));
        assertEquals(List.of(), ids(oldestFirst().page(5, 12)));
        assertEquals(List.of("r10", "r11"), ids(oldestFirst().page(0, 10)));
    }

    @Test
    void ordersByColumnParameterAndMetricWithMissingValuesLast() {
        List<String> byLoss = ids(RunQuery.all().sortedBy("loss", false).page(3, 0));
        assertEquals(List.of("r10", "r9", "r6"), byLoss);
        List<String> byLossDown = ids(RunQuery.all().sortedBy("loss", true));
        assertEquals("r0", byLossDown.get(0));
        assertEquals(List.of("r7", "r3", "r11"), byLossDown.subList(9, 12), "missing last, then by id, reversed");
        List<String> byWidth = ids(RunQuery.all().sortedBy("architecture.width", true).page(4, 0));
        assertEquals(List.of("r9", "r8", "r11", "r10"), byWidth);
        assertEquals(List.of("r0", "r1", "r2"), ids(RunQuery.all().sortedBy("metric:dynamics.rate", false).page(3, 0)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> store.runs(runs, RunQuery.all().sortedBy("craeted", false)));
        assertTrue(e.getMessage().contains("did you mean 'created'"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> store.runs(runs, RunQuery.all().sortedBy("architecture.widht", false)));
        assertTrue(e.getMessage().contains("did you mean 'architecture.width'"), e.getMessage());
    }

    @Test
    void aFilterOnAKeyNoRunHasIsRefusedWithTheNearestKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> store.runs(runs, oldestFirst().withParam(ParamFilter.parse("architecture.widht=64"))));
        assertEquals("architecture.widht=64: no run has a parameter 'architecture.widht' (did you mean "
                + "'architecture.width'?); 'overparam show ID' lists a run's parameters", e.oneLine());
        assertThrows(InvalidInputException.class,
                () -> store.runs(runs, oldestFirst().withParam(ParamFilter.parse("architecture.widht!=64"))));
        assertEquals(12, ids(oldestFirst().withParam(ParamFilter.parse("architecture.width!=3"))).size());
    }

    @Test
    void filtersParseTheirComparison() {
        assertEquals(new ParamFilter("a.b", ParamFilter.Op.GE, "2"), ParamFilter.parse("a.b>=2"));
        assertEquals(new ParamFilter("a", ParamFilter.Op.NE, "x"), ParamFilter.parse("a!=x"));
        assertEquals(new ParamFilter("a", ParamFilter.Op.LT, "-1e-3"), ParamFilter.parse("a<-1e-3"));
        assertEquals(new ParamFilter("a", ParamFilter.Op.EQ, "x=y"), ParamFilter.parse("a=x=y"));
        assertEquals(1024.0, ParamFilter.parse("w=1024").number(), 0);
        assertEquals(null, ParamFilter.parse("w=1d").number());
        assertThrows(InvalidInputException.class, () -> ParamFilter.parse("width"));
        assertThrows(InvalidInputException.class, () -> ParamFilter.parse("=3"));
        assertThrows(InvalidInputException.class, () -> ParamFilter.parse("a>relu"));
    }
}
