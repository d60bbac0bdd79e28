package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.StepContext;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.registry.ComponentTable;

/** Components replaced or removed between steps: the run looks them up by name at every step. */
class SwapTest {
    @TempDir
    Path runs;

    /** GD that runs an action on the registry once, at a given step, before stepping. */
    static final class Meddling extends FakeComponents.Gd {
        private final long at;
        private final Consumer<ComponentTable> action;
        private final ComponentTable table;

        Meddling(long at, ComponentTable table, Consumer<ComponentTable> action) {
            this.at = at;
            this.table = table;
            this.action = action;
        }

        @Override
        public double step(StepContext ctx) {
            if (ctx.step() == at) {
                action.accept(table);
            }
            return super.step(ctx);
        }
    }

    private static ComponentTable registryWith(long at, Consumer<ComponentTable> action) {
        ComponentTable table = TestRegistry.standard();
        TestRegistry r = new TestRegistry(table);
        r.add(ComponentKind.OPTIMIZER, "gd", new Meddling(at, table, action), 1, "1.0.0");
        return table;
    }

    @Test
    void newerComponentTakesOverAtTheNextStepWithIdenticalResults() throws IOException {
        RunSpec spec = Specs.base().stop(10, 0).with(ComponentKind.ARCHITECTURE, "linear", java.util.Map.of()).build();
        ComponentTable table = registryWith(3, t -> {
            new TestRegistry(t).add(ComponentKind.OPTIMIZER, "gd", new FakeComponents.Gd(), 2, "2.0.0")
                    .add(ComponentKind.ARCHITECTURE, "linear", new LinearArchitecture(), 2, "2.0.0");
        });
        List<RunEvent> notices = new ArrayList<>();
        RunResult swapped = new Run(table, spec, runs, e -> {
            if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e);
            }
        }, 0).execute();
        RunResult plain = RunTest.run(spec, runs);

        assertEquals(RunStatus.COMPLETED, swapped.status(), swapped.message());
        String log = RunFiles.text(swapped.directory().resolve("run.log"));
        assertTrue(log.contains("step 4: optimizer gd swapped: now test.bundle.gd 2.0.0"), log);
        assertTrue(log.contains("step 4: architecture linear swapped: now test.bundle.linear 2.0.0"), log);
        assertTrue(log.contains("step 4: model rebuilt with the new architecture linear"), log);
        assertEquals(2, notices.size());
        assertEquals(4, notices.get(0).step());
        assertArrayEquals(Files.readAllBytes(plain.directory().resolve("metrics.csv")),
                Files.readAllBytes(swapped.directory().resolve("metrics.csv")),
                "the same code under another service object gives the same numbers");
    }

    @Test
    void componentThatGoesAwayPausesTheRunUntilItComesBack() throws IOException {
        ComponentTable table = registryWith(2, t -> {
            for (var e = t.best(ComponentKind.OPTIMIZER, "gd"); e.isPresent(); e = t.best(ComponentKind.OPTIMIZER, "gd")) {
                t.remove(e.get().serviceId());
            }
        });
        RunSpec spec = Specs.base().stop(10, 0).build();
        List<String> notices = new ArrayList<>();
        RunResult r = new Run(table, spec, runs, e -> {
            if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e.step() + " " + e.message());
                if (e.message().startsWith("paused:")) {
                    new TestRegistry(table).add(ComponentKind.OPTIMIZER, "gd", new FakeComponents.Gd(), 0, "1.0.1");
                }
            }
        }, 0).execute();
        RunResult plain = RunTest.run(spec, runs);

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(10, r.steps());
        assertTrue(notices.get(0).startsWith("3 paused: optimizer gd is not installed (waited 0 ms"), notices.toString());
        assertTrue(notices.get(0).endsWith("; checkpoint written"), notices.toString());
        assertEquals("3 optimizer gd swapped: now test.bundle.gd 1.0.1 (was test.bundle.gd 1.0.0)", notices.get(1));
        assertEquals("3 step 3: continuing: every component is compatible again", notices.get(2));
        assertArrayEquals(Files.readAllBytes(plain.directory().resolve("metrics.csv")),
                Files.readAllBytes(r.directory().resolve("metrics.csv")), "no step lost or taken twice");
    }
}
