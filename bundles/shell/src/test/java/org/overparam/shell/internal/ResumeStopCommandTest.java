package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;

/** The {@code resume} and {@code stop} commands: targets, the spec read back, exit codes and lines. */
class ResumeStopCommandTest {
    @TempDir
    Path runs;
    Path folder;
    final Fakes.Reader reader = new Fakes.Reader();
    final Resumer runner = new Resumer();
    final CommandLine cli = new CommandLine(new Fakes.Registry(), reader, runner, () -> 0L, name -> null);
    final Fakes.Captured io = new Fakes.Captured(false);

    /** Resumes with {@link #status} (or throws {@link #error}); answers stop requests from {@link #running}. */
    static final class Resumer implements ExperimentRunner {
        RunStatus status = RunStatus.CONVERGED;
        InvalidInputException error;
        final List<Path> resumed = new ArrayList<>();
        final List<Path> stops = new ArrayList<>();
        int running;

        @Override
        public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
            throw new AssertionError("resume and stop never start a run");
        }

        @Override
        public RunResult resume(Path runFolder, Function<Path, RunSpec> readSpec, RunListener listener) {
            resumed.add(runFolder);
            if (error != null) {
                throw error;
            }
            RunSpec spec = readSpec.apply(runFolder.resolve("spec.yaml"));
            listener.onEvent(new RunEvent(RunEvent.Type.STARTED, "t-1", 50, 200, 1.0, Map.of(), ""));
            return new RunResult("t-1", status, 120, 9.5e-7, runFolder, Map.of("dyn.flipped", 3.0),
                    status == RunStatus.STOPPED ? "stopped on request after 120 steps" : "converged: " + spec.name());
        }

        @Override
        public boolean requestStop(Path runFolder) {
            stops.add(runFolder);
            return running-- > 0;
        }
    }

    @BeforeEach
    void aRunFolder() throws IOException {
        folder = Files.createDirectories(runs.resolve("quick-20261123-101010-ab12"));
        Files.writeString(folder.resolve("spec.yaml"), "name: t\n");
    }

    int execute(String... args) {
        return cli.execute(Arrays.asList(args), io.terminal);
    }

    @Test
    void resumeFindsTheRunByIdAndReadsItsOwnSpecWithoutPins() {
        assertEquals(0, execute("resume", "quick-20261123", "--runs", runs.toString()));
        assertEquals(List.of(folder), runner.resumed);
        assertEquals(folder.resolve("spec.yaml"), reader.file);
        assertEquals(List.of("pinned={}"), reader.overrides);
        assertTrue(io.out().startsWith("status      CONVERGED  (converged: t)\nsteps       120 of 200\n"), io.out());
        assertEquals("", io.err().replaceAll("[^\\n]*\\n", "").strip());
        assertEquals(0, execute("resume", folder.toString()), "a folder path works too");
    }

    @Test
    void aRunStoppedAgainIsExitCodeOneWithALinePointingAtItsLog() {
        runner.status = RunStatus.STOPPED;
        assertEquals(1, execute("resume", folder.toString()));
        assertTrue(io.err().endsWith("overparam: run STOPPED at step 120: stopped on request after 120 steps; see "
                + folder.resolve("run.log") + "\n"), io.err());
    }

    @Test
    void aFinishedRunIsSaidSoWithExitCodeZeroAndNothingRuns() throws IOException {
        Files.writeString(folder.resolve("result.json"), "{\n  \"status\": \"COMPLETED\",\n  \"steps\": 300,\n}\n");
        assertEquals(0, execute("resume", folder.toString()));
        assertEquals("run quick-20261123-101010-ab12 has already finished (COMPLETED after 300 steps); nothing to "
                + "resume\n", io.out());
        assertEquals(List.of(), runner.resumed);
        Files.writeString(folder.resolve("result.json"), "{\n  \"status\": \"STOPPED\",\n  \"steps\": 30,\n}\n");
        assertEquals(0, execute("resume", folder.toString()));
        assertEquals(List.of(folder), runner.resumed, "a stopped run is resumed");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        runner.error = new InvalidInputException(folder.resolve("checkpoint/checkpoint.bin").toString(),
                "a checkpoint from another spec: ...");
        assertEquals(2, execute("resume", folder.toString()));
        assertEquals("overparam: " + folder.resolve("checkpoint/checkpoint.bin") + ": a checkpoint from another spec: "
                + "...\n", io.err());
        Fakes.Captured c = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("resume", "nope", "--runs", runs.toString()), c.terminal));
        assertEquals("overparam: resume: no folder 'nope' and no run with that id under " + runs + "\n", c.err());
        c = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("resume"), c.terminal));
        assertEquals("overparam: resume: missing RUN; usage: overparam resume RUN [--runs DIR]\n", c.err());
        c = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("stop", folder.toString(), "--wiat"), c.terminal));
        assertEquals("overparam: stop: unknown option '--wiat' (did you mean '--wait'?); usage: overparam stop RUN "
                + "[--runs DIR] [--wait]\n", c.err());
        c = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("resme", "x"), c.terminal));
        assertEquals("overparam: unknown command 'resme' (did you mean 'resume'?); try 'overparam help'\n", c.err());
    }

    @Test
    void stopAsksARunningRunAndRefusesOneThatIsNot() {
        runner.running = 1;
        assertEquals(0, execute("stop", "quick", "--runs", runs.toString()));
        assertEquals(List.of(folder), runner.stops);
        assertEquals("asked run quick-20261123-101010-ab12 to stop; it writes a checkpoint and stops after its current "
                + "step; continue it with: overparam resume quick-20261123-101010-ab12\n", io.out());
        Fakes.Captured c = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("stop", folder.toString()), c.terminal));
        assertEquals("overparam: " + folder + ": run quick-20261123-101010-ab12 is not running\n", c.err());
    }

    @Test
    void stopWaitAsksUntilTheRunIsGone() {
        runner.running = 3;
        assertEquals(0, execute("stop", folder.toString(), "--wait"));
        assertEquals(4, runner.stops.size(), "asked until no run answered");
        assertTrue(io.out().endsWith("run quick-20261123-101010-ab12 has stopped\n"), io.out());
    }
}
