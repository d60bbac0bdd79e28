package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.engine.runfolder.ResultJson;

/**
 * The {@code resume RUN [--runs DIR]} command: continues a stopped, failed or killed run in its own
 * folder from its last checkpoint ({@link ExperimentRunner#resume}), with progress on standard error
 * and the summary on standard output, as {@code run} does. The run's own {@code spec.yaml} is read
 * back with its components found by name now: its {@code pinned} versions are not enforced (the
 * engine logs every component whose bundle version differs from the checkpoint's in {@code run.log}).
 *
 * <p>Exit codes: 0 when the run converged or completed, and also when it had already finished (one
 * line says so; nothing is run); 1 when it diverged, failed or was stopped again; 2 for bad input
 * (no such run, a run that is running, a corrupt checkpoint or one from another spec).
 */
final class ResumeCommand {
    /** The usage line. */
    static final String USAGE = "resume RUN [--runs DIR]";
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final LongSupplier nanos;

    /**
     * @param reader reads the run's spec.yaml
     * @param runner resumes the run
     * @param nanos a monotonic clock in nanoseconds
     */
    ResumeCommand(SpecReader reader, ExperimentRunner runner, LongSupplier nanos) {
        this.reader = reader;
        this.runner = runner;
        this.nanos = nanos;
    }

    /**
     * @param args the arguments after {@code resume}
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException as the class says
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        RunTarget target = RunTarget.parse("resume", USAGE, args, List.of(), runsFolder);
        String finished = finished(target.folder());
        if (finished != null) {
            t.out().println("run " + target.id() + " has already finished (" + finished + "); nothing to resume");
            return CommandLine.OK;
        }
        AtomicReference<RunSpec> spec = new AtomicReference<>();
        Function<Path, RunSpec> read = file -> {
            spec.set(reader.read(file, List.of("pinned={}")));
            return spec.get();
        };
        Progress progress = new Progress(t.err(), t.live(), nanos);
        long start = nanos.getAsLong();
        RunResult r;
        try {
            r = runner.resume(target.folder(), read, progress);
        } catch (InvalidInputException e) {
            progress.finish();
            throw e;
        } catch (RuntimeException e) {
            progress.finish();
            t.error("resume failed: " + RunsFolder.failure(e) + "; see " + target.folder().resolve("run.log"));
            return CommandLine.FAILED;
        }
        progress.finish();
        Summary.print(spec.get(), r, nanos.getAsLong() - start, t.out());
        if (r.status() == RunStatus.CONVERGED || r.status() == RunStatus.COMPLETED) {
            return CommandLine.OK;
        }
        String why = r.message() == null || r.message().isBlank() ? "" : ": " + r.message().strip();
        t.error("run " + r.status() + " at step " + r.steps() + why + "; see " + target.folder().resolve("run.log"));
        return CommandLine.FAILED;
    }

    /** @return e.g. {@code CONVERGED after 120 steps} if the folder's result.json says the run finished */
    static String finished(Path folder) {
        String json;
        try {
            json = ResultJson.read(folder);
        } catch (IOException e) {
            return null;
        }
        String status = ResultJson.status(json);
        if (status == null) {
            return null;
        }
        try {
            if (!RunStatus.valueOf(status).isFinished()) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        long steps = ResultJson.steps(json);
        return status + (steps >= 0 ? " after " + steps + " steps" : "");
    }
}
