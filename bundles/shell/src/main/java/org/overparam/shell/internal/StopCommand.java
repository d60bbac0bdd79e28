package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;

/**
 * The {@code stop RUN [--runs DIR] [--wait]} command: asks a run that is running, in this process
 * or another, to stop at its next step boundary ({@link ExperimentRunner#requestStop}); the run writes
 * a checkpoint and ends STOPPED, to be continued with {@code resume RUN}. Without {@code --wait} it
 * returns at once; with it, it asks again every 100 ms until no run is running in the folder (a
 * request left over then is removed by the next {@code resume}).
 *
 * <p>Exit codes: 0 when the request was made (and, with {@code --wait}, the run ended); 2 when no run
 * is running in that folder, or RUN names no run.
 */
final class StopCommand {
    /** The usage line. */
    static final String USAGE = "stop RUN [--runs DIR] [--wait]";
    private static final long POLL_MILLIS = 100;
    private final ExperimentRunner runner;

    /** @param runner stops runs */
    StopCommand(ExperimentRunner runner) {
        this.runner = runner;
    }

    /**
     * @param args the arguments after {@code stop}
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException as the class says
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        RunTarget target = RunTarget.parse("stop", USAGE, args, List.of("--wait"), runsFolder);
        if (!runner.requestStop(target.folder())) {
            String done = ResumeCommand.finished(target.folder());
            throw new InvalidInputException(target.folder().toString(), "run " + target.id() + " is not running"
                    + (done == null ? "" : " (it finished: " + done + ")"));
        }
        t.out().println("asked run " + target.id() + " to stop; it writes a checkpoint and stops after its current step"
                + "; continue it with: overparam resume " + target.id());
        if (target.flags().contains("--wait")) {
            while (runner.requestStop(target.folder())) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CommandLine.FAILED;
                }
            }
            t.out().println("run " + target.id() + " has stopped");
        }
        t.out().flush();
        return CommandLine.OK;
    }
}
