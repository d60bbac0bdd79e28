package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StaleRevision;

/** The {@code swap} and {@code stale} commands: arguments, what reaches the runner, lines and exit codes. */
class SwapStaleCommandTest {
    @TempDir
    Path runs;
    final Swapper runner = new Swapper();
    final CommandLine cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), runner, () -> 0L, name -> null);
    final Fakes.Captured io = new Fakes.Captured(false);

    /** Records swap requests (or refuses them with {@link #error}) and answers {@link #stale} lists. */
    static final class Swapper implements ExperimentRunner {
        final List<String> asked = new ArrayList<>();
        InvalidInputException error;
        List<StaleRevision> stale = List.of();

        @Override
        public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
            throw new AssertionError("swap and stale never start a run");
        }

        @Override
        public String requestSwap(Path runFolder, List<String> changes) {
            if (error != null) {
                throw error;
            }
            asked.add(runFolder.getFileName() + " " + changes);
            return "optimizer -> nesterov {momentum=0.9}";
        }

        @Override
        public List<StaleRevision> stale() {
            return stale;
        }
    }

    @BeforeEach
    void folder() throws IOException {
        Files.createDirectories(runs.resolve("q-20261123-101500-1a2b"));
        Files.writeString(runs.resolve("q-20261123-101500-1a2b").resolve("spec.yaml"), "name: q\n");
    }

    @Test
    void swapHandsTheChangesToTheRunner() {
        int code = cli.execute(List.of("swap", "q-2026", "optimizer=nesterov", "momentum=0.9", "--runs", runs.toString()),
                io.terminal);

        assertEquals(0, code, io.err());
        assertEquals(List.of("q-20261123-101500-1a2b [optimizer=nesterov, momentum=0.9]"), runner.asked);
        assertEquals("asked run q-20261123-101500-1a2b to swap optimizer -> nesterov {momentum=0.9} before its next step;"
                + " it records the swap in its run.log and provenance.json\n", io.out());
    }

    @Test
    void badSwapsAreOneLineAndExitCode2() {
        assertEquals(2, cli.execute(List.of("swap", "q-2026", "--runs", runs.toString()), io.terminal));
        runner.error = new InvalidInputException("optimizer=nestrov", "unknown optimizer 'nestrov' (did you mean "
                + "'nesterov'?); available: gd, nesterov");
        assertEquals(2, cli.execute(List.of("swap", "q-2026", "optimizer=nestrov", "--runs", runs.toString()), io.terminal));

        assertEquals(List.of("overparam: swap: missing changes; usage: overparam swap RUN KEY=VALUE... [--runs DIR], e.g. "
                        + "optimizer=nesterov momentum=0.9 or optimizer.lr=0.5",
                "overparam: optimizer=nestrov: unknown optimizer 'nestrov' (did you mean 'nesterov'?); available: gd, "
                        + "nesterov"), io.errLines());
    }

    @Test
    void staleListsRevisionsAndTheirRuns() {
        assertEquals(0, cli.execute(List.of("stale"), io.terminal));
        runner.stale = List.of(new StaleRevision(31, "org.example.mathlib", "1.0.0", false, List.of("org.example.adagrad"),
                List.of("q-20261123-101500-1a2b")));
        assertEquals(0, cli.execute(List.of("stale"), io.terminal));

        assertEquals("no stale revisions: every bundle runs its current code\n"
                + "bundle 31 org.example.mathlib 1.0.0 (updated); wired to: org.example.adagrad; held by runs: "
                + "q-20261123-101500-1a2b\n", io.out());
    }
}
