package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.run.ComponentInfo;
import org.overparam.engine.internal.registry.ComponentTable;

/** The registry's choice among services, its "did you mean", and its start-up grace, without OSGi. */
class ComponentTableTest {
    @Test
    void misspelledNameSuggestsTheClosestAndListsTheRest() {
        TestRegistry r = new TestRegistry(ComponentTable.withoutGrace())
                .add(ComponentKind.OPTIMIZER, "gd", new FakeComponents.Gd())
                .add(ComponentKind.OPTIMIZER, "nesterov", new FakeComponents.Gd());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> r.table().require(ComponentKind.OPTIMIZER, "nestrov", "quickstart.yaml:9"));
        assertEquals("quickstart.yaml:9", e.where());
        assertEquals("unknown optimizer 'nestrov' (did you mean 'nesterov'?); available: gd, nesterov", e.getMessage());

        InvalidInputException far = assertThrows(InvalidInputException.class,
                () -> r.table().require(ComponentKind.OPTIMIZER, "lbfgs", "optimizer"));
        assertEquals("unknown optimizer 'lbfgs'; available: gd, nesterov", far.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> r.table().require(ComponentKind.CONSTRAINT, "ball", "constraints"));
        assertEquals("unknown constraint 'ball'; no constraint is installed", none.getMessage());
    }

    @Test
    void highestRankingThenHighestVersionWins() {
        FakeComponents.Gd old = new FakeComponents.Gd();
        FakeComponents.Gd newer = new FakeComponents.Gd();
        FakeComponents.Gd ranked = new FakeComponents.Gd();
        TestRegistry r = new TestRegistry(ComponentTable.withoutGrace())
                .add(ComponentKind.OPTIMIZER, "gd", old, 0, "1.2.0")
                .add(ComponentKind.OPTIMIZER, "gd", newer, 0, "1.10.0");
        assertSame(newer, r.table().service(ComponentKind.OPTIMIZER, "gd", Optimizer.class).orElseThrow());
        assertEquals("1.10.0", r.table().find(ComponentKind.OPTIMIZER, "gd").orElseThrow().version());

        r.add(ComponentKind.OPTIMIZER, "gd", ranked, 5, "0.1.0");
        long rankedId = r.lastId();
        assertSame(ranked, r.table().service(ComponentKind.OPTIMIZER, "gd", Optimizer.class).orElseThrow());
        assertEquals(1, r.table().list(ComponentKind.OPTIMIZER).size(), "one entry per name");

        r.table().remove(rankedId);
        assertSame(newer, r.table().service(ComponentKind.OPTIMIZER, "gd", Optimizer.class).orElseThrow(),
                "after the ranked one leaves, the next in line takes over");
    }

    @Test
    void listIsByKindThenNameWithParameters() {
        List<ComponentInfo> all = TestRegistry.standard().list();
        assertEquals(List.of("tiny", "linear", "gauss", "squared", "gd", "constant", "ball", "probe"),
                all.stream().map(ComponentInfo::name).toList());
        ComponentInfo gd = all.get(4);
        assertEquals(List.of("failAt", "lr"), gd.params().stream().map(p -> p.name()).toList());
        assertEquals("learning rate", gd.param("lr").description());
    }

    @Test
    void requireWaitsForALateComponentDuringTheGracePeriod() throws Exception {
        ComponentTable table = new ComponentTable(System::nanoTime, System.nanoTime() + 60_000_000_000L);
        CompletableFuture<ComponentInfo> found = CompletableFuture.supplyAsync(
                () -> table.require(ComponentKind.OPTIMIZER, "gd", "run.yaml:4"));
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "gd", new FakeComponents.Gd());
        assertEquals("gd", found.get().name());
        assertTrue(table.find(ComponentKind.OPTIMIZER, "gd").isPresent());
    }
}
