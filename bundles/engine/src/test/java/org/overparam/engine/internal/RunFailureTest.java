package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.RandomStream;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.registry.ComponentTable;

/** Bad input before the first step (nothing on disk), components that throw, and the listener. */
class RunFailureTest {
    @TempDir
    Path tmp;

    private Path runs() {
        return tmp.resolve("runs");
    }

    private InvalidInputException rejected(RunSpec spec) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunTest.run(spec, runs()));
        assertEquals(List.of(), RunFiles.entries(runs()), "nothing is written when setup fails");
        return e;
    }

    @Test
    void unmatchedFreezeGlobIsRejected() {
        InvalidInputException e = rejected(Specs.base().freeze("b").freeze("W?").build());
        assertEquals("freeze: pattern 'W?' matches no block; the blocks are W, b", e.oneLine());
    }

    @Test
    void componentRejectingItsParameterIsLocatedAtItsEntry() {
        InvalidInputException e = rejected(Specs.base().with(ComponentKind.ARCHITECTURE, "linear", Map.of("width", 0)).build());
        assertEquals("test.yaml:3: architecture.width: width 0 is below 1", e.oneLine());
    }

    @Test
    void parameterOutOfItsDeclaredRangeIsRejected() {
        InvalidInputException e = rejected(Specs.base().with(ComponentKind.OPTIMIZER, "gd", Map.of("lr", -1.0)).build());
        assertEquals("test.yaml:6: optimizer.lr: value -1.0 is out of range (0, inf)", e.oneLine());
    }

    @Test
    void misspelledComponentIsRejectedWithASuggestion() {
        InvalidInputException e = rejected(Specs.base().with(ComponentKind.OPTIMIZER, "gdd", Map.of()).build());
        assertEquals("test.yaml:6: unknown optimizer 'gdd' (did you mean 'gd'?); available: gd", e.oneLine());
    }

    @Test
    void componentBugDuringSetupFailsTheRunWithItsTraceOnDisk() {
        ComponentTable registry = TestRegistry.standard();
        new TestRegistry(registry).add(ComponentKind.INITIALIZER, "broken", new Initializer() {
            @Override
            public Class<FakeComponents.Constant.Config> configType() {
                return FakeComponents.Constant.Config.class;
            }

            @Override
            public Initialization initialize(Config config, Layout layout, RandomStream random) {
                throw new IllegalStateException("no init for " + layout);
            }
        });
        List<RunEvent> events = new ArrayList<>();
        RunResult r = new Run(registry, Specs.base().with(ComponentKind.INITIALIZER, "broken", Map.of()).build(), runs(),
                events::add, 0).execute();

        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("initializer broken threw IllegalStateException: no init for [W 1x3, b 1]", r.message());
        assertEquals(0, r.steps());
        assertEquals(List.of("metrics.csv", "provenance.json", "result.json", "run.lock", "run.log", "spec.yaml"),
                RunFiles.tree(r.directory()));
        assertTrue(RunFiles.text(r.directory().resolve("run.log")).contains("at org.overparam.engine.internal.RunSetup"));
        assertEquals(List.of(RunEvent.Type.FINISHED), events.stream().map(RunEvent::type).toList());
    }

    @Test
    void throwingOptimizerFailsTheRunAndKeepsWhatWasRecorded() {
        RunResult r = RunTest.run(Specs.base().stop(100, 0).with(ComponentKind.OPTIMIZER, "gd",
                Map.of("lr", 0.1, "failAt", 5L)).analyzer("probe", "probe", 2, Map.of()).build(), runs());

        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("optimizer gd threw IllegalStateException: boom at step 5", r.message());
        assertEquals(5, r.steps());
        List<RunFiles.Row> rows = RunFiles.metrics(r.directory());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), RunFiles.of(rows, "train.loss").stream().map(RunFiles.Row::step).toList());
        assertEquals(List.of(0L, 2L, 4L), RunFiles.of(rows, "probe.calls").stream().map(RunFiles.Row::step).toList());
        String log = RunFiles.text(r.directory().resolve("run.log"));
        assertTrue(log.contains("step 5: optimizer gd threw IllegalStateException: boom at step 5"), log);
        assertTrue(log.contains("Caused by: java.lang.IllegalStateException: boom at step 5"), log);
        assertTrue(log.contains("at org.overparam.engine.internal.FakeComponents$Gd.step"), log);
        assertTrue(log.contains("ended: FAILED after 5 steps"), log);
        assertTrue(RunFiles.text(r.directory().resolve("result.json")).contains("\"status\": \"FAILED\""));
    }

    @Test
    void runningOutOfMemoryFailsTheRunInOneLineAndKeepsItsCheckpoint() {
        ComponentTable registry = TestRegistry.standard();
        new TestRegistry(registry).add(ComponentKind.OPTIMIZER, "oom", new OutOfMemoryAtFive());
        RunResult r = new Run(registry, Specs.base().stop(100, 0).checkpoint(2).with(ComponentKind.OPTIMIZER, "oom",
                Map.of("lr", 0.1)).build(), runs(), null, 0).execute();

        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().matches("out of memory at step 5 \\(Java heap space\\); the JVM may use [0-9.]+ [KMGT]iB:"
                + " set OVERPARAM_JAVA_OPTS=-Xmx[0-9]+g and resume"), r.message());
        assertEquals(5, r.steps());
        assertTrue(java.nio.file.Files.exists(CheckpointFile.in(r.directory())), "the checkpoint of step 4 stays");
        String log = RunFiles.text(r.directory().resolve("run.log"));
        assertTrue(log.contains("java.lang.OutOfMemoryError: Java heap space"), "the trace goes to run.log: " + log);
    }

    /** Gradient descent that runs out of heap at step 5. */
    static final class OutOfMemoryAtFive extends FakeComponents.Gd {
        @Override
        public double step(org.overparam.api.StepContext ctx) {
            if (ctx.step() == 5) {
                throw new OutOfMemoryError("Java heap space");
            }
            return super.step(ctx);
        }
    }

    @Test
    void throwingAnalyzerFailsTheRun() {
        RunResult r = RunTest.run(Specs.base().stop(100, 0)
                .analyzer("probe", "probe", 10, Map.of("failAtCall", 1L)).build(), runs());

        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("analyzer probe threw IllegalArgumentException: probe failed on call 2", r.message());
        assertEquals(10, r.steps(), "it failed analysing the point of step 10");
        assertEquals(1.0, r.metrics().get("probe.calls"), 0.0);
    }

    @Test
    void eventsArriveInOrderAndAThrowingListenerDoesNotStopTheRun() {
        List<RunEvent> events = new ArrayList<>();
        RunResult r = RunTest.run(Specs.base().stop(30, 0).analyzer("probe", "probe", 10, Map.of()).build(), runs(), e -> {
            events.add(e);
            throw new IllegalStateException("listener bug");
        });

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(RunEvent.Type.STARTED, events.get(0).type());
        assertEquals(RunEvent.Type.FINISHED, events.get(events.size() - 1).type());
        assertEquals(r.message(), events.get(events.size() - 1).message());
        List<RunEvent> progress = events.stream().filter(e -> e.type() == RunEvent.Type.PROGRESS).toList();
        assertEquals(1, progress.get(0).step(), "the first step is always reported");
        assertEquals(30, progress.get(progress.size() - 1).step(), "and the last");
        List<RunEvent> analyses = events.stream().filter(e -> e.type() == RunEvent.Type.ANALYSIS).toList();
        assertEquals(List.of(0L, 10L, 20L, 30L), analyses.stream().map(RunEvent::step).toList());
        assertEquals(4.0, analyses.get(3).metrics().get("probe.calls"), 0.0);
        assertTrue(analyses.get(3).metrics().containsKey("train.sample_gradients"));
        assertTrue(RunFiles.text(r.directory().resolve("run.log")).contains("the run listener threw on a STARTED event"));
    }
}
