package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.experiment.internal.YamlSpecReader;

/** The sweep command over the real reader and a runner that writes run folders as the engine does. */
class SweepCommandTest {
    static final String FILE = """
            name: w
            dataset: {name: sphere, n: 8}
            architecture: fc
            initializer: ntk
            loss: squared
            optimizer: gd
            stop: {maxSteps: 20}
            sweep:
              architecture.width: [8, 16]
              seeds: 2
            """;

    @TempDir
    Path dir;
    final SpecReader reader = new YamlSpecReader(new CorpusRegistry());
    final Runner runner = new Runner();
    final SweepCommand command = new SweepCommand(reader, runner, () -> 0L,
            () -> LocalDateTime.of(2026, 11, 23, 14, 5, 9)).cores(1);

    /** Writes run folders ({@code <name>-<n>}: spec.yaml, result.json) as the engine does; statuses from {@link #status}. */
    static final class Runner implements ExperimentRunner {
        Function<RunSpec, RunStatus> status = s -> RunStatus.CONVERGED;
        Function<RunSpec, java.util.OptionalDouble> cost = s -> java.util.OptionalDouble.empty();
        final List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        int folders;

        @Override
        public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
            ran.add(spec.component(org.overparam.api.ComponentKind.ARCHITECTURE).config().get("width") + "/"
                    + spec.seed());
            RunStatus s = status.apply(spec);
            if (s == RunStatus.FAILED) {
                throw new IllegalStateException("boom");
            }
            Path d;
            synchronized (this) {
                d = runsDirectory.resolve(spec.name() + "-" + ++folders);
            }
            try {
                Files.createDirectories(d);
                Files.writeString(d.resolve("spec.yaml"), spec.text());
                listener.onEvent(new RunEvent(RunEvent.Type.STARTED, d.getFileName().toString(), 0, 20, Double.NaN,
                        Map.of(), ""));
                listener.onEvent(new RunEvent(RunEvent.Type.FINISHED, d.getFileName().toString(), 12, 20, 1e-8,
                        Map.of(), ""));
                Files.writeString(d.resolve("result.json"), "{\n  \"status\": \"" + s + "\",\n  \"steps\": 12,\n"
                        + "  \"loss\": 1.0E-8,\n  \"metrics\": {\n    \"train.loss\": 1.0E-8\n  }\n}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new RunResult(d.getFileName().toString(), s, 12, 1e-8, d, Map.of(), "");
        }

        @Override
        public java.util.OptionalDouble cost(RunSpec spec) {
            return cost.apply(spec);
        }

        /** Continues a run in its folder, as the engine does from a checkpoint: the same folder, a new result. */
        @Override
        public RunResult resume(Path runFolder, Function<Path, RunSpec> readSpec, RunListener listener) {
            RunSpec spec = readSpec.apply(runFolder.resolve("spec.yaml"));
            ran.add(spec.component(org.overparam.api.ComponentKind.ARCHITECTURE).config().get("width") + "/"
                    + spec.seed() + " resumed");
            RunStatus s = status.apply(spec);
            try {
                Files.writeString(runFolder.resolve("result.json"), "{\n  \"status\": \"" + s + "\",\n  \"steps\": 12,\n"
                        + "  \"loss\": 1.0E-8,\n  \"metrics\": {\n    \"train.loss\": 1.0E-8\n  }\n}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new RunResult(runFolder.getFileName().toString(), s, 12, 1e-8, runFolder, Map.of(), "");
        }
    }

    Path file() throws IOException {
        return Files.writeString(dir.resolve("w.yaml"), FILE);
    }

    static List<Path> folders(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void runsEveryPointInTurnAndPrintsATable() throws IOException {
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, command.execute(List.of(file().toString()), o -> dir.resolve("runs"), io.terminal));
        assertEquals(List.of("8/0", "8/1", "16/0", "16/1"), runner.ran);
        Path sweep = dir.resolve("runs").resolve("w-20261123-140509");
        assertEquals(reader.expand(dir.resolve("w.yaml"), List.of(), List.of()).manifest(),
                Files.readString(sweep.resolve("sweep.yaml")));
        assertEquals(4, folders(sweep).size());
        assertEquals(List.of(
                "#  architecture.width  seed  status     steps  loss       run",
                "1  8                   0     CONVERGED  12     1.000e-08  w-1",
                "2  8                   1     CONVERGED  12     1.000e-08  w-2",
                "3  16                  0     CONVERGED  12     1.000e-08  w-3",
                "4  16                  1     CONVERGED  12     1.000e-08  w-4",
                "4 of 4 runs converged or completed; sweep folder " + sweep), io.out().lines().toList());
        assertTrue(io.errLines().contains("run 3/4 architecture.width=16 seed=0"), io.err());
        assertFalse(io.err().contains("overparam:"), io.err());
    }

    @Test
    void aStoppedRunEndsTheSweepAndResumeSkipsWhatFinished() throws IOException {
        runner.status = s -> runner.ran.size() == 2 ? RunStatus.STOPPED : RunStatus.CONVERGED;
        Fakes.Captured first = new Fakes.Captured(false);
        assertEquals(1, command.execute(List.of(file().toString()), o -> dir.resolve("runs"), first.terminal));
        Path sweep = dir.resolve("runs").resolve("w-20261123-140509");
        assertEquals(List.of("8/0", "8/1"), runner.ran);
        assertTrue(first.out().contains("\n3  16                  0     not run    -      -          -\n"), first.out());
        assertEquals("overparam: sweep stopped; continue it with: overparam sweep --resume " + sweep,
                first.errLines().get(first.errLines().size() - 1));
        Files.writeString(dir.resolve("w.yaml"), FILE.replace("[8, 16]", "[1000]"));
        runner.status = s -> RunStatus.CONVERGED;
        runner.ran.clear();
        Fakes.Captured second = new Fakes.Captured(false);
        assertEquals(0, command.execute(List.of("--resume", sweep.toString()), o -> null, second.terminal));
        assertEquals(List.of("8/1 resumed", "16/0", "16/1"), runner.ran, "the stopped run goes on in its folder");
        assertEquals(4, folders(sweep).size());
        assertTrue(second.out().startsWith("#   architecture.width  seed  status     steps  loss       run\n"
                + "1*  8                   0     CONVERGED  12     1.000e-08  w-1\n"), second.out());
        assertTrue(second.out().contains("* finished before; skipped\n"), second.out());
        assertTrue(second.errLines().contains("run 1/4 architecture.width=8 seed=0: finished before, skipped"),
                second.err());
        runner.ran.clear();
        assertEquals(0, command.execute(List.of("--resume", sweep.toString()), o -> null,
                new Fakes.Captured(false).terminal));
        assertEquals(List.of(), runner.ran);
    }

    @Test
    void aFailingRunIsARowAndTheOthersRun() throws IOException {
        runner.status = s -> runner.ran.size() == 1 ? RunStatus.FAILED : RunStatus.DIVERGED;
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(1, command.execute(List.of(file().toString(), "seeds=1"), o -> dir.resolve("runs"), io.terminal));
        assertEquals(List.of("8/0", "16/0"), runner.ran);
        assertTrue(io.out().contains("1  8                   0     FAILED    -      -          -\n"), io.out());
        assertTrue(io.out().contains("2  16                  0     DIVERGED  12     1.000e-08  w-1\n"), io.out());
        assertTrue(io.errLines().contains("overparam: run 1 failed: java.lang.IllegalStateException: boom"), io.err());
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws IOException {
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, command.execute(List.of(file().toString(), "--dry-run", "optimizer.lr=0.1,0.2"),
                o -> dir.resolve("runs"), io.terminal));
        assertEquals(List.of(), runner.ran);
        assertFalse(Files.exists(dir.resolve("runs")));
        List<String> lines = io.out().lines().toList();
        assertEquals(10, lines.size());
        assertTrue(lines.get(0).startsWith("#  architecture.width  seed  optimizer.lr  status  steps  loss  key"),
                lines.get(0));
        assertEquals("8 runs of sweep w; nothing written (--dry-run)", lines.get(9));
    }
}
