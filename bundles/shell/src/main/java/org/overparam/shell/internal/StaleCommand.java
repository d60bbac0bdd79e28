package org.overparam.shell.internal;

import java.util.List;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.StaleRevision;

/**
 * The {@code stale} command: the old bundle revisions this container still keeps (updated or removed
 * plugins whose previous code stays wired until the refresh deferred while runs are active) and which
 * runs hold components of them, one line each; or a line saying there are none. It reports on the
 * container it runs in: in the Gogo shell ({@code op:stale}) that of the runs; from the command line
 * a fresh container, which holds none. Exit code 0.
 */
final class StaleCommand {
    private final ExperimentRunner runner;

    /** @param runner knows the container's revisions and runs */
    StaleCommand(ExperimentRunner runner) {
        this.runner = runner;
    }

    /**
     * @param args the arguments after {@code stale} (none)
     * @param t where to print
     * @return the exit code
     */
    int execute(List<String> args, Terminal t) {
        if (!args.isEmpty()) {
            throw new InvalidInputException("stale", "takes no arguments; usage: overparam stale");
        }
        List<StaleRevision> stale = runner.stale();
        if (stale.isEmpty()) {
            t.out().println("no stale revisions: every bundle runs its current code");
        }
        for (StaleRevision s : stale) {
            t.out().println("bundle " + s.bundleId() + " " + s.bundle() + " " + s.version()
                    + (s.uninstalled() ? " (uninstalled)" : " (updated)")
                    + "; wired to: " + (s.dependents().isEmpty() ? "none" : String.join(", ", s.dependents()))
                    + "; held by runs: " + (s.runs().isEmpty() ? "none" : String.join(", ", s.runs())));
        }
        t.out().flush();
        return CommandLine.OK;
    }
}
