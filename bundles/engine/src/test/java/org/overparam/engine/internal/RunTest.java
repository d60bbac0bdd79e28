package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.RandomStream;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;

/** Whole runs over fake components and the registry without OSGi: statuses, files, determinism. */
class RunTest {
    @TempDir
    Path runs;

    static RunResult run(RunSpec spec, Path dir) {
        return run(spec, dir, RunListener.NONE);
    }

    static RunResult run(RunSpec spec, Path dir, RunListener listener) {
        return new Run(TestRegistry.standard(), spec, dir, listener, 0).execute();
    }

    @Test
    void theDataSetsNoticesGoToRunLogAndTheTerminalBeforeTheFirstStep() throws IOException {
        RunSpec spec = Specs.base().with(ComponentKind.DATASET, "tiny", Map.of("notice", "rows were rescaled"))
                .stop(3, 0).build();
        List<org.overparam.api.run.RunEvent> events = new java.util.ArrayList<>();
        RunResult r = run(spec, runs, events::add);
        List<org.overparam.api.run.RunEvent> notices = events.stream()
                .filter(e -> e.type() == org.overparam.api.run.RunEvent.Type.NOTICE).toList();
        assertEquals(1, notices.size());
        assertEquals("dataset tiny: rows were rescaled", notices.get(0).message());
        assertEquals(0, notices.get(0).step());
        assertEquals(org.overparam.api.run.RunEvent.Type.STARTED, events.get(1).type(), "the notice comes first");
        String log = RunFiles.text(r.directory().resolve("run.log"));
        assertEquals(1, log.split("notice: dataset tiny: rows were rescaled", -1).length - 1, log);
        assertTrue(log.indexOf("dataset tiny: rows were rescaled") < log.indexOf("model: "), "before the model is described");
        List<org.overparam.api.run.RunEvent> quiet = new java.util.ArrayList<>();
        run(Specs.base().stop(3, 0).build(), runs, quiet::add);
        assertTrue(quiet.stream().noneMatch(e -> e.type() == org.overparam.api.run.RunEvent.Type.NOTICE));
    }

    @Test
    void convergesWithOneLossRowPerStepAndTheLayoutOfARunFolder() throws IOException {
        RunSpec spec = Specs.base().stop(2000, 1e-12).analyzer("probe", "probe", 10, Map.of()).build();
        RunResult r = run(spec, runs);

        assertEquals(RunStatus.CONVERGED, r.status(), r.message());
        assertTrue(r.loss() <= 1e-12, "loss " + r.loss());
        assertTrue(r.steps() > 10 && r.steps() < 2000, "steps " + r.steps());
        assertTrue(r.runId().matches("test-\\d{8}-\\d{6}-[0-9a-f]{4}"), r.runId());
        assertEquals(runs.resolve(r.runId()), r.directory());

        List<RunFiles.Row> rows = RunFiles.metrics(r.directory());
        List<RunFiles.Row> losses = RunFiles.of(rows, "train.loss");
        assertEquals(r.steps() + 1, losses.size());
        for (int i = 0; i < losses.size(); i++) {
            assertEquals(i, losses.get(i).step(), "one train.loss row per step, in order");
        }
        assertEquals(r.loss(), losses.get(losses.size() - 1).value(), 0.0);
        assertTrue(losses.get(losses.size() - 2).value() > 1e-12, "the target was first met at the last row");

        // probe every 10 steps, plus the final point, never twice at one step
        List<RunFiles.Row> calls = RunFiles.of(rows, "probe.calls");
        long scheduled = (r.steps() - 1) / 10 + 1;
        assertEquals(scheduled + 1, calls.size(), "steps 0, 10, ... before the end, then the final one");
        assertEquals(r.steps(), calls.get(calls.size() - 1).step());
        assertEquals(1.0, RunFiles.of(rows, "probe.final").get(calls.size() - 1).value(), 0.0);
        assertEquals(0.0, RunFiles.of(rows, "probe.final").get(0).value(), 0.0);
        assertEquals(calls.size(), RunFiles.of(rows, "train.sample_gradients").size());
        assertEquals(calls.size(), r.metrics().get("probe.calls"), 0.0);
        assertEquals(3.0 * (r.steps() + 1), r.metrics().get("train.sample_gradients"), 0.0,
                "n = 3 samples per gradient, one gradient per step including the dropped converging one");

        assertEquals(List.of("artifacts/probe.txt", "checkpoint/checkpoint.bin", "metrics.csv", "provenance.json",
                "result.json", "run.lock", "run.log", "series/probe.losses-step" + r.steps() + ".csv", "spec.yaml"),
                RunFiles.tree(r.directory()));
        assertEquals(spec.text(), RunFiles.text(r.directory().resolve("spec.yaml")));
        assertEquals("steps " + r.steps() + "\n", RunFiles.text(r.directory().resolve("artifacts/probe.txt")));
        List<String> series = RunFiles.lines(r.directory().resolve("series/probe.losses-step" + r.steps() + ".csv"));
        assertEquals("x,y", series.get(0));
        assertEquals(r.steps() + 2, series.size());
        String json = RunFiles.text(r.directory().resolve("result.json"));
        assertTrue(json.contains("\"status\": \"CONVERGED\""), json);
        assertTrue(json.contains("\"steps\": " + r.steps() + ","), json);
        assertTrue(json.contains("\"train.loss\": " + r.loss()), json);
        String log = RunFiles.text(r.directory().resolve("run.log"));
        assertTrue(log.contains("run " + r.runId() + " started"), log);
        assertTrue(log.contains("ended: CONVERGED"), log);
        assertTrue(log.contains("optimizer gd (test.bundle.gd 1.0.0) {lr=0.1}"), log);
    }

    @Test
    void completedRunRecordsTheLossAtTheFinalPoint() {
        RunResult r = run(Specs.base().stop(20, 0).analyzer("probe", "p", 0, Map.of()).build(), runs);

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(20, r.steps());
        List<RunFiles.Row> rows = RunFiles.metrics(r.directory());
        List<RunFiles.Row> losses = RunFiles.of(rows, "train.loss");
        assertEquals(21, losses.size());
        assertEquals(20, losses.get(20).step());
        assertTrue(losses.get(20).value() < losses.get(0).value());
        List<RunFiles.Row> calls = RunFiles.of(rows, "p.calls");
        assertEquals(List.of(0L, 20L), calls.stream().map(RunFiles.Row::step).toList(), "every 0: at init and at the end");
        assertEquals(20, RunFiles.of(rows, "optimizer.grad_norm").size());
        assertEquals(20.0, r.metrics().get("optimizer.state_steps"), 0.0, "the optimizer state lives across steps");
    }

    @Test
    void sameSpecTwiceGivesByteIdenticalMetrics() throws IOException {
        RunSpec spec = Specs.base().stop(300, 1e-10).analyzer("probe", "probe", 7, Map.of()).build();
        RunResult a = run(spec, runs);
        RunResult b = run(spec, runs);

        assertNotEquals(a.runId(), b.runId());
        assertArrayEquals(Files.readAllBytes(a.directory().resolve("metrics.csv")),
                Files.readAllBytes(b.directory().resolve("metrics.csv")));
        RunResult c = run(Specs.base().stop(300, 1e-10).seed(8).build(), runs);
        assertNotEquals(a.loss(), c.loss(), "another seed draws other data");
    }

    @Test
    void optimizerStreamContinuesAcrossSteps() {
        RunResult r = run(Specs.base().stop(5, 0).build(), runs);
        List<RunFiles.Row> draws = RunFiles.of(RunFiles.metrics(r.directory()), "optimizer.draw");
        RandomStream expected = RandomStream.of(7).derive("optimizer");
        assertEquals(5, draws.size());
        for (RunFiles.Row d : draws) {
            assertEquals(expected.nextDouble(), d.value(), 0.0);
        }
    }

    @Test
    void frozenBlocksStayAtTheirInitialValues() {
        RunSpec byGlob = Specs.base().stop(50, 0).freeze("b*").analyzer("probe", "probe", 5, Map.of()).build();
        RunSpec byInit = Specs.base().stop(50, 0).with(ComponentKind.INITIALIZER, "gauss", Map.of("freezeBias", true))
                .with(ComponentKind.ARCHITECTURE, "linear", Map.of("gate", true))
                .analyzer("probe", "probe", 5, Map.of()).build();
        for (RunSpec spec : List.of(byGlob, byInit)) {
            RunResult r = run(spec, runs);
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            List<RunFiles.Row> b = RunFiles.of(RunFiles.metrics(r.directory()), "probe.b");
            assertEquals(11, b.size(), "steps 0, 5, ..., 45 and the final 50");
            for (RunFiles.Row row : b) {
                assertEquals(0.5, row.value(), 0.0, "b at step " + row.step());
            }
            assertTrue(r.metrics().get("probe.moved") > 0.1, "W is trained");
            assertTrue(RunFiles.text(r.directory().resolve("run.log")).contains("frozen: b"));
        }
    }

    @Test
    void anInitializersNoticeIsInRunLogBeforeTheFirstStep() {
        RunResult r = run(Specs.base().stop(3, 0).with(ComponentKind.INITIALIZER, "gauss",
                Map.of("notice", "scaling: identity on a parameterized file")).build(), runs);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        String log = RunFiles.text(r.directory().resolve("run.log"));
        int notice = log.indexOf("notice: scaling: identity on a parameterized file");
        assertTrue(notice > 0 && notice < log.indexOf("model: "), log);
    }

    @Test
    void constrainedRunStaysInTheBall() {
        RunResult r = run(Specs.base().stop(40, 0).constraint("ball", Map.of("radius", 0.05))
                .analyzer("probe", "probe", 1, Map.of()).build(), runs);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        List<RunFiles.Row> moved = RunFiles.of(RunFiles.metrics(r.directory()), "probe.moved");
        assertEquals(41, moved.size());
        for (RunFiles.Row m : moved) {
            assertTrue(m.value() <= 0.05 * (1 + 1e-12), "moved " + m.value() + " at step " + m.step());
        }
        assertEquals(0.05, moved.get(40).value(), 1e-12, "the unconstrained minimum is outside: the run ends on the sphere");
    }

    @Test
    void hugeStepDiverges() {
        RunResult r = run(Specs.base().stop(5000, 0).with(ComponentKind.OPTIMIZER, "gd", Map.of("lr", 1e3))
                .analyzer("probe", "probe", 1000, Map.of()).build(), runs);

        assertEquals(RunStatus.DIVERGED, r.status(), r.message());
        assertFalse(Double.isFinite(r.loss()));
        List<RunFiles.Row> losses = RunFiles.of(RunFiles.metrics(r.directory()), "train.loss");
        assertEquals(r.steps() + 1, losses.size());
        assertFalse(Double.isFinite(losses.get(losses.size() - 1).value()));
        assertTrue(Double.isFinite(losses.get(losses.size() - 2).value()));
        assertTrue(r.message().startsWith("diverged: the loss is "), r.message());
        assertEquals(1, RunFiles.of(RunFiles.metrics(r.directory()), "probe.calls").size(), "no final analysis");
    }

    @Test
    void interruptedThreadStops() {
        Thread.currentThread().interrupt();
        RunResult r = run(Specs.base().stop(10, 0).build(), runs);
        boolean stillInterrupted = Thread.interrupted();

        assertEquals(RunStatus.STOPPED, r.status());
        assertEquals(0, r.steps());
        assertTrue(stillInterrupted, "the interrupt is handed back to the caller");
        assertTrue(RunFiles.text(r.directory().resolve("result.json")).contains("\"status\": \"STOPPED\""));
    }
}
