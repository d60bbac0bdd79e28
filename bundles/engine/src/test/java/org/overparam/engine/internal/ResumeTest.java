package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.UnreadableJars;

/**
 * A run interrupted in any way and resumed ends exactly as the uninterrupted run: the same final
 * checkpoint byte for byte (parameters, optimizer and analyzer states, random positions, metric
 * histories), the same metrics.csv, series and artifacts byte for byte, the same result.json but
 * for its times. The run mixes everything that has state: mini-batch heavy ball with random rows,
 * a switch to Nesterov at step 45, an analyzer with state and a random stream every 7 steps, and the
 * probe every 10.
 */
class ResumeTest {
    /** The container's active runs (and lock table) every run and resume here joins. */
    static final ActiveRuns CONTAINER = new ActiveRuns();
    @TempDir
    Path runs;

    @AfterEach
    void resetSwitches() {
        ResumeFakes.reset();
        Thread.interrupted();
    }

    static RunSpec spec(long every) {
        return specs(every).build();
    }

    static Specs specs(long every) {
        return Specs.base().with(ComponentKind.DATASET, "tiny", Map.of("n", 8))
                .with(ComponentKind.OPTIMIZER, "sgd", Map.of("lr", 0.05, "batch", 3))
                .with(ComponentKind.SCHEDULE, "steered", Map.of())
                .analyzer("tracker", "tracker", 7, Map.of()).analyzer("probe", "probe", 10, Map.of())
                .switchAt(45, "nesterov", Map.of("lr", 0.02, "momentum", 0.5), null)
                .checkpoint(every).stop(120, 0);
    }

    static RunResult run(RunSpec spec, Path dir) {
        return new Run(ResumeFakes.registry(), spec, dir, RunListener.NONE, 0).withContainer(CONTAINER, new UnreadableJars(), new JarHashes()).execute();
    }

    static RunResult resume(RunSpec spec, Path folder) {
        return Resume.resume(ResumeFakes.registry(), folder, f -> spec, RunListener.NONE, 0, null, CONTAINER, new UnreadableJars(), new JarHashes());
    }

    /** Crashes at step {@code crash} (after a checkpoint at 25 or 50, or before any), as a kill leaves it. */
    @ParameterizedTest
    @ValueSource(longs = {3, 40, 50, 57, 119})
    void aCrashedRunResumedFromItsLastCheckpointEndsBitForBitAsAnUninterruptedOne(long crash) throws IOException {
        RunSpec spec = spec(25);
        RunResult whole = run(spec, runs.resolve("whole"));
        ResumeFakes.failAt = crash;
        RunResult broken = run(spec, runs.resolve("broken"));
        assertEquals(RunStatus.FAILED, broken.status(), broken.message());
        Path folder = broken.directory();
        long checkpointed = crash / 25 * 25;
        assertEquals(checkpointed > 0, Files.exists(CheckpointFile.in(folder)));
        if (checkpointed > 0) {
            Checkpoint c = CheckpointFile.read(CheckpointFile.in(folder));
            assertEquals(checkpointed, c.steps());
            assertEquals(checkpointed >= 45 ? "nesterov" : "sgd", c.optimizer());
        }
        // what a kill -9 leaves: no result.json, and a row cut in half at the end of metrics.csv
        Files.delete(folder.resolve("result.json"));
        Files.writeString(folder.resolve("metrics.csv"), crash + ",train.lo", StandardOpenOption.APPEND);
        ResumeFakes.failAt = -1;

        RunResult resumed = resume(spec, folder);

        RunComparison.assertSame(whole, resumed);
        assertTrue(RunFiles.text(folder.resolve("run.log")).contains(checkpointed > 0
                ? "resumed from its checkpoint after " + checkpointed + " steps" : "resumed from its first step"));
        assertTrue(RunFiles.text(folder.resolve("run.log")).contains("the previous process ("
                + ProcessHandle.current().pid() + ") ended without finishing the run (no result.json): it was killed,"
                + " ran out of memory, or the machine lost power\n"), "how the previous process ended");
    }

    @Test
    void theLineOnHowThePreviousProcessEndedQuotesItsResult() {
        assertEquals("the previous process (4711) ended the run FAILED: optimizer gd threw OutOfMemoryError: Java heap"
                + " space \"x\"", Resume.previousEnd("4711", "{\n  \"status\": \"FAILED\",\n  \"message\": "
                + "\"optimizer gd threw OutOfMemoryError: Java heap space \\\"x\\\"\",\n}"));
        assertEquals("the previous process ended the run STOPPED", Resume.previousEnd("", "{\"status\": \"STOPPED\"}"));
        assertEquals("the previous process ended without finishing the run (no result.json): it was killed, ran out"
                + " of memory, or the machine lost power", Resume.previousEnd("not a pid", ""));
    }

    @Test
    void anInterruptedRunStopsWithACheckpointAndResumesToTheSameResult() throws IOException {
        RunSpec spec = spec(1000);
        RunResult whole = run(spec, runs.resolve("whole"));
        ResumeFakes.interruptAt = 61;
        RunResult stopped = run(spec, runs.resolve("stopped"));
        assertTrue(Thread.interrupted(), "the interrupt is handed back");
        ResumeFakes.interruptAt = -1;

        assertEquals(RunStatus.STOPPED, stopped.status());
        assertEquals(62, stopped.steps());
        Checkpoint c = CheckpointFile.read(CheckpointFile.in(stopped.directory()));
        assertEquals(RunStatus.STOPPED, c.status());
        assertEquals(62, c.steps());
        RunComparison.assertSame(whole, resume(spec, stopped.directory()));
    }

    @Test
    void aStopRequestFileStopsARunningRunWhichThenResumesToTheSameResult() throws Exception {
        RunSpec spec = specs(0).stop(400, 0).build();
        ResumeFakes.sleepMillis = 1;
        RunResult whole = run(spec, runs.resolve("whole"));
        Path dir = runs.resolve("stopped");
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(run(spec, dir)));
        t.start();
        Path folder = awaitFolder(dir);
        while (!CONTAINER.locks().requestStop(folder) && t.isAlive()) {
            Thread.onSpinWait();
        }
        t.join();
        RunResult stopped = result.get();

        assertEquals(RunStatus.STOPPED, stopped.status(), stopped.message());
        assertTrue(stopped.steps() < 400, "stopped after " + stopped.steps() + " steps");
        assertFalse(Files.exists(folder.resolve(RunLock.STOP_FILE)), "the request is removed once acted on");
        assertFalse(CONTAINER.locks().isRunning(folder));
        assertFalse(CONTAINER.locks().requestStop(folder), "nothing to stop any more");
        assertEquals(stopped.steps(), CheckpointFile.read(CheckpointFile.in(folder)).steps(),
                "a stop writes a checkpoint even with periodic ones off");
        ResumeFakes.sleepMillis = 0;
        RunComparison.assertSame(whole, resume(spec, folder));
    }

    @Test
    void aRunWithoutCheckpointsResumesFromItsFirstStep() throws IOException {
        RunSpec spec = spec(0);
        RunResult whole = run(spec, runs.resolve("whole"));
        assertFalse(Files.exists(CheckpointFile.in(whole.directory())), "checkpoint every 0: none, not even at the end");
        ResumeFakes.failAt = 70;
        RunResult broken = run(spec, runs.resolve("broken"));
        ResumeFakes.failAt = -1;
        RunComparison.assertSame(whole, resume(spec, broken.directory()));
    }

    private static Path awaitFolder(Path dir) throws IOException, InterruptedException {
        while (true) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    List<Path> folders = s.filter(p -> Files.exists(p.resolve("spec.yaml"))).toList();
                    if (!folders.isEmpty() && CONTAINER.locks().isRunning(folders.get(0))) {
                        return folders.get(0);
                    }
                }
            }
            Thread.sleep(5);
        }
    }
}
