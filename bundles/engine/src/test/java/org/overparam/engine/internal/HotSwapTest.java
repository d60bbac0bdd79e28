package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Shape;
import org.overparam.api.StepContext;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.folder.ProvenanceFile;
import org.overparam.engine.internal.registry.ComponentTable;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.SwapFiles;
import org.overparam.engine.internal.swap.UnreadableJars;

/**
 * Hot swap in the engine without OSGi: an update whose layout does not fit pauses the run with a
 * checkpoint until a compatible version is back; a swap request replaces the optimizer between steps
 * and is recorded; the container going away stops a run at its next boundary.
 */
class HotSwapTest {
    /** The container's active runs (and lock table) the runs that get requests join. */
    private final ActiveRuns container = new ActiveRuns();
    @TempDir
    Path runs;

    /** The linear architecture with one more row than asked: another layout under the same name. */
    static final class Wider implements Architecture {
        @Override
        public Class<LinearArchitecture.Config> configType() {
            return LinearArchitecture.Config.class;
        }

        @Override
        public Model build(org.overparam.api.Config config, Shape inputShape, int outputs) {
            int w = config.as(LinearArchitecture.Config.class).width();
            return new LinearArchitecture().build(config.with("width", (long) w + 1), inputShape, outputs);
        }
    }

    /** GD that runs an action once, at the start of a given step. */
    static final class Acting extends FakeComponents.Gd {
        private final long at;
        private final Runnable action;

        Acting(long at, Runnable action) {
            this.at = at;
            this.action = action;
        }

        @Override
        public double step(StepContext ctx) {
            if (ctx.step() == at) {
                action.run();
            }
            return super.step(ctx);
        }
    }

    @Test
    void incompatibleUpdatePausesWithACheckpointAndContinuesWhenACompatibleOneIsBack() throws IOException {
        ComponentTable table = TestRegistry.standard();
        table.put(new ComponentTable.Entry(table.best(ComponentKind.OPTIMIZER, "gd").get().info(), 5,
                org.osgi.framework.Version.parseVersion("1.0.0"), 9_000_001L, new Acting(2, () ->
                        new TestRegistry(table).add(ComponentKind.ARCHITECTURE, "linear", new Wider(), 1, "2.0.0"))));
        RunSpec spec = Specs.base().stop(8, 0).build();
        List<String> notices = new ArrayList<>();
        AtomicReference<String> checkpoint = new AtomicReference<>();
        RunResult r = new Run(table, spec, runs, e -> {
            if (e.type() != RunEvent.Type.NOTICE) {
                return;
            }
            notices.add(e.step() + " " + e.message());
            if (e.message().startsWith("paused:")) {
                checkpoint.set(status(runs.resolve(e.runId())));
                new TestRegistry(table).add(ComponentKind.ARCHITECTURE, "linear", new LinearArchitecture(), 2, "3.0.0");
            }
        }, 0).withContainer(container, new UnreadableJars(), new JarHashes()).execute();
        RunResult plain = RunTest.run(spec, runs);

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals("PAUSED 3", checkpoint.get(), "the paused run's checkpoint, after 3 steps");
        String paused = notices.stream().filter(n -> n.startsWith("3 paused: architecture linear (test.bundle.linear "
                + "2.0.0) builds the layout [W 2x3, b 1], but the run's parameters have the layout [W 1x3, b 1] (block W "
                + "is 1x3 in the run and 2x3 in the new model); the run continues by itself when a version that builds "
                + "[W 1x3, b 1] is installed")).findFirst().orElse(null);
        assertTrue(paused != null, notices.toString());
        assertTrue(notices.contains("3 architecture linear swapped: now test.bundle.linear 3.0.0 (was test.bundle.linear 1.0.0)"),
                notices.toString());
        assertArrayEquals(Files.readAllBytes(plain.directory().resolve("metrics.csv")),
                Files.readAllBytes(r.directory().resolve("metrics.csv")), "the same code after the pause: the same numbers");
        String provenance = RunFiles.text(r.directory().resolve("provenance.json"));
        assertTrue(provenance.contains("\"name\": \"linear@3\", \"bundle\": \"test.bundle.linear\", \"version\": \"3.0.0\""),
                provenance);
        assertTrue(provenance.contains("{\"step\": 3, \"kind\": \"architecture\", \"why\": \"update\", \"from\": {\"name\": "
                + "\"linear\", \"bundle\": \"test.bundle.linear\", \"version\": \"1.0.0\""), provenance);
    }

    @Test
    void swapRequestReplacesTheOptimizerAtTheNextBoundaryKeepingItsLearningRate() throws IOException {
        ComponentTable table = TestRegistry.standard();
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov());
        AtomicReference<Path> folder = new AtomicReference<>();
        AtomicReference<String> asked = new AtomicReference<>();
        table.put(new ComponentTable.Entry(table.best(ComponentKind.OPTIMIZER, "gd").get().info(), 5,
                org.osgi.framework.Version.parseVersion("1.0.0"), 9_000_002L, new Acting(3, () -> {
                    asked.set(SwapFiles.request(folder.get(), List.of("optimizer=nesterov", "momentum=0.9"), table, container.locks()));
                    pause(150);
                })));
        RunSpec spec = Specs.base().stop(10, 0).build();
        RunResult r = new Run(table, spec, runs, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(runs.resolve(e.runId()));
            }
        }, 0).withContainer(container, new UnreadableJars(), new JarHashes()).execute();
        ComponentTable plain = TestRegistry.standard();
        new TestRegistry(plain).add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov());
        RunResult switched = new Run(plain, Specs.base().stop(10, 0).switchAt(4, "nesterov",
                Map.of("lr", 0.1, "momentum", 0.9), null).build(), runs, null, 0).execute();

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals("optimizer -> nesterov {momentum=0.9}", asked.get());
        String log = RunFiles.text(r.directory().resolve("run.log"));
        assertTrue(log.contains("step 4: swap request applied: optimizer gd {lr=0.1} -> nesterov {lr=0.1, momentum=0.9} "
                + "(test.bundle.nesterov 1.0.0)"), log);
        assertEquals("4\toptimizer=nesterov\tmomentum=0.9\n", RunFiles.text(r.directory().resolve(SwapFiles.APPLIED)));
        assertTrue(RunFiles.text(r.directory().resolve("provenance.json")).contains("\"why\": \"request\""));
        assertArrayEquals(Files.readAllBytes(switched.directory().resolve("metrics.csv")),
                Files.readAllBytes(r.directory().resolve("metrics.csv")),
                "the same as a spec switch at step 4 to nesterov {lr=0.1, momentum=0.9}");
    }

    @Test
    void aRunStoppedAfterASwapResumesWithTheSwappedComponents() throws IOException {
        ComponentTable table = TestRegistry.standard();
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov());
        AtomicReference<Path> folder = new AtomicReference<>();
        table.put(new ComponentTable.Entry(table.best(ComponentKind.OPTIMIZER, "gd").get().info(), 5,
                org.osgi.framework.Version.parseVersion("1.0.0"), 9_000_005L, new Acting(2, () -> {
                    SwapFiles.request(folder.get(), List.of("optimizer=nesterov", "momentum=0.9"), table, container.locks());
                    pause(150);
                })));
        RunSpec spec = Specs.base().stop(10, 0).build();
        RunResult stopped = new Run(table, spec, runs, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(runs.resolve(e.runId()));
            } else if (e.type() == RunEvent.Type.NOTICE && e.message().startsWith("swap request applied")) {
                container.locks().requestStop(folder.get());
                pause(150);
            }
        }, 0).withContainer(container, new UnreadableJars(), new JarHashes()).execute();
        assertEquals(RunStatus.STOPPED, stopped.status(), stopped.message());
        assertEquals(3, stopped.steps());
        String before = RunFiles.text(stopped.directory().resolve("provenance.json"));
        assertTrue(before.contains("\"name\": \"nesterov@3\"") && before.contains("\"swaps\": ["), before);

        MemoryStore store = new MemoryStore();
        RunResult resumed = Resume.resume(table, stopped.directory(), f -> spec, null, 0, store, new ActiveRuns(), new UnreadableJars(), new JarHashes());
        assertEquals(List.of("gd", "nesterov@3"), store.runs.get(resumed.runId()).provenance().components().stream()
                .filter(o -> o.kind() == ComponentKind.OPTIMIZER).map(o -> o.name()).toList(),
                "the store (so 'show') gets the provenance as it was");
        String after = RunFiles.text(resumed.directory().resolve("provenance.json"));
        String kept = before.substring(0, before.length() - "\n}\n".length());
        assertTrue(after.startsWith(kept + ",\n  \"resumes\": [\n    {\"step\": 3, \"host\": "), after);
        assertTrue(after.endsWith("\"changed\": []}\n  ]\n}\n"), "provenance as it was, plus the resume: " + after);
        String log = RunFiles.text(resumed.directory().resolve("run.log"));
        assertTrue(log.contains("swap kept from before the resume: step 3: optimizer gd -> nesterov (request; "
                + "test.bundle.nesterov 1.0.0, jar sha256 unknown)\n"), log);
        ProvenanceFile.Kept again = ProvenanceFile.read(resumed.directory(), 3);
        assertEquals(1, again.resumes().size());
        assertEquals(List.of("gd", "nesterov@3"), again.provenance().components().stream()
                .filter(o -> o.kind() == ComponentKind.OPTIMIZER).map(o -> o.name()).toList());
        ComponentTable plain = TestRegistry.standard();
        new TestRegistry(plain).add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov());
        RunResult switched = new Run(plain, Specs.base().stop(10, 0).switchAt(3, "nesterov",
                Map.of("lr", 0.1, "momentum", 0.9), null).build(), runs, null, 0).execute();

        assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
        assertArrayEquals(Files.readAllBytes(switched.directory().resolve("metrics.csv")),
                Files.readAllBytes(resumed.directory().resolve("metrics.csv")),
                "resumed with nesterov from step 3, as the run had it when it stopped");
        assertEquals("3\toptimizer=nesterov\tmomentum=0.9\n",
                RunFiles.text(resumed.directory().resolve(SwapFiles.APPLIED)));
    }

    @Test
    void swapRequestsAreValidatedBeforeTheyAreWritten() {
        ComponentTable table = TestRegistry.standard();
        AtomicReference<List<String>> errors = new AtomicReference<>(new ArrayList<>());
        AtomicReference<Path> folder = new AtomicReference<>();
        table.put(new ComponentTable.Entry(table.best(ComponentKind.OPTIMIZER, "gd").get().info(), 5,
                org.osgi.framework.Version.parseVersion("1.0.0"), 9_000_003L, new Acting(1, () -> {
                    for (List<String> bad : List.of(List.of("optimizer=nestrov"), List.of("optimizer.lr=-1"),
                            List.of("optimizer.rate=1"), List.of("momentum=0.9"), List.of("architecture=linear"),
                            List.of("analyzers.ntk.every=2"))) {
                        errors.get().add(assertThrows(InvalidInputException.class,
                                () -> SwapFiles.request(folder.get(), bad, table, container.locks())).oneLine());
                    }
                })));
        RunResult r = new Run(table, Specs.base().stop(3, 0).build(), runs, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(runs.resolve(e.runId()));
            }
        }, 0).withContainer(container, new UnreadableJars(), new JarHashes()).execute();

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(List.of(
                "optimizer=nestrov: unknown optimizer 'nestrov'; available: gd",
                "optimizer.lr: value -1.0 is out of range (0, inf)",
                "optimizer.rate: unknown parameter 'rate' of optimizer gd; its parameters: [failAt, lr]",
                "momentum=0.9: 'momentum' does not say which component it belongs to: write optimizer.momentum=0.9, or "
                        + "put it after optimizer=NAME",
                "architecture=linear: the architecture of a running run cannot be swapped by request (it defines the "
                        + "parameter layout): update its bundle in plugins/ instead; swappable: optimizer, schedule, "
                        + "analyzers.LABEL",
                "analyzers.ntk.every=2: the run has no analyzer labelled 'ntk'; it has no analyzers"), errors.get());
        assertTrue(!Files.exists(r.directory().resolve(SwapFiles.REQUEST)));
        InvalidInputException notRunning = assertThrows(InvalidInputException.class,
                () -> SwapFiles.request(r.directory(), List.of("optimizer.lr=0.2"), table, container.locks()));
        assertTrue(notRunning.getMessage().startsWith("run " + r.runId() + " is not running"), notRunning.getMessage());
    }

    @Test
    void containerShutdownStopsARunAtItsNextBoundaryWithACheckpoint() throws IOException {
        ComponentTable table = TestRegistry.standard();
        ActiveRuns active = new ActiveRuns();
        AtomicReference<Boolean> drained = new AtomicReference<>();
        Thread[] stopper = new Thread[1];
        table.put(new ComponentTable.Entry(table.best(ComponentKind.OPTIMIZER, "gd").get().info(), 5,
                org.osgi.framework.Version.parseVersion("1.0.0"), 9_000_004L, new Acting(5, () -> {
                    stopper[0] = new Thread(() -> drained.set(active.shutdown("the container is shutting down",
                            10_000)));
                    stopper[0].start();
                    while (active.list().stream().allMatch(c -> c.shutdownRequested() == null)) {
                        Thread.onSpinWait();
                    }
                })));
        RunResult r = new Run(table, Specs.base().stop(1000, 0).build(), runs, null, 0).withContainer(active, new UnreadableJars(), new JarHashes()).execute();
        try {
            stopper[0].join(10_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }

        assertEquals(RunStatus.STOPPED, r.status(), r.message());
        assertEquals(6, r.steps());
        assertEquals(Boolean.TRUE, drained.get());
        assertEquals("STOPPED 6", status(r.directory()));
        assertTrue(RunFiles.text(r.directory().resolve("run.log"))
                .contains("step 6: stopped on request (the container is shutting down); checkpoint written"));
        assertTrue(RunFiles.text(r.directory().resolve("result.json")).contains("\"status\": \"STOPPED\""));
    }

    private static String status(Path folder) {
        Checkpoint c = CheckpointFile.read(CheckpointFile.in(folder));
        return c.status() + " " + c.steps();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
