package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;

/**
 * The {@code run} command: reads and validates the experiment file with its overrides, runs it on
 * the calling thread with progress on standard error, prints the summary on standard output, and
 * turns the result into an exit code: 0 when the run converged or completed, 1 when it diverged,
 * failed or was stopped (with one error line pointing at the run's log).
 */
final class RunCommand {
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final LongSupplier nanos;

    /**
     * @param reader reads experiment files
     * @param runner runs them
     * @param nanos a monotonic clock in nanoseconds (progress speed and wall time)
     */
    RunCommand(SpecReader reader, ExperimentRunner runner, LongSupplier nanos) {
        this.reader = reader;
        this.runner = runner;
        this.nanos = nanos;
    }

    /**
     * @param file the experiment file
     * @param overrides {@code key=value} overrides
     * @param fragments the user's fragment folders ({@code --fragments}); empty for the default search
     * @param runs the runs folder
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException if the file, an override or a component's parameters are bad, or the runs
     *     folder cannot be written ({@link RunsFolder#requireWritable})
     */
    int run(Path file, List<String> overrides, List<Path> fragments, Path runs, Terminal t) {
        RunSpec spec = reader.read(file, overrides, fragments);
        RunsFolder.requireWritable(runs);
        Set<Path> before = folders(runs);
        Progress progress = new Progress(t.err(), t.live(), nanos);
        long start = nanos.getAsLong();
        RunResult r;
        try {
            r = runner.run(spec, runs, progress);
        } catch (InvalidInputException e) {
            progress.finish();
            throw e;
        } catch (RuntimeException e) {
            progress.finish();
            Set<Path> created = folders(runs);
            created.removeAll(before);
            String see = created.size() == 1 ? "; see " + created.iterator().next().resolve("run.log") : "";
            t.error("run failed: " + RunsFolder.failure(e) + see);
            return CommandLine.FAILED;
        }
        progress.finish();
        Summary.print(spec, r, nanos.getAsLong() - start, t.out());
        if (r.status() == RunStatus.CONVERGED || r.status() == RunStatus.COMPLETED) {
            return CommandLine.OK;
        }
        String why = r.message() == null || r.message().isBlank() ? "" : ": " + r.message().strip();
        String see = r.directory() != null && Files.isDirectory(r.directory())
                ? "; see " + r.directory().resolve("run.log") : "";
        t.error("run " + r.status() + " at step " + r.steps() + why + see);
        return CommandLine.FAILED;
    }

    /** @return the folders directly in {@code runs} now (empty if it does not exist) */
    private static Set<Path> folders(Path runs) {
        Set<Path> out = new HashSet<>();
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                s.filter(Files::isDirectory).forEach(out::add);
            } catch (IOException e) {
                return out;
            }
        }
        return out;
    }
}
