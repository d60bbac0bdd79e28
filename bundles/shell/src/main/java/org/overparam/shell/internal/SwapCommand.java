package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;

/**
 * The {@code swap RUN CHANGE... [--runs DIR]} command: asks a running run, in this process or another,
 * to swap components before its next step ({@link ExperimentRunner#requestSwap}), e.g.
 * {@code swap RUN optimizer=nesterov momentum=0.9}, {@code swap RUN optimizer.lr=0.5},
 * {@code swap RUN analyzers.ntk.every=10}. The changes are validated against the registry and the
 * run's components in effect before the request is written; the run applies it at its next step
 * boundary and records it (run.log, provenance.json, NOTICE). Exit codes: 0 when the request was
 * written; 2 for bad changes, a run that is not running, or a request still pending.
 */
final class SwapCommand {
    /** The usage line. */
    static final String USAGE = "swap RUN KEY=VALUE... [--runs DIR]";
    private final ExperimentRunner runner;

    /** @param runner swaps components of runs */
    SwapCommand(ExperimentRunner runner) {
        this.runner = runner;
    }

    /**
     * @param args the arguments after {@code swap}
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException as the class says
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        List<String> rest = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--runs") && i + 1 < args.size()) {
                rest.add(a);
                rest.add(args.get(++i));
            } else if (a.startsWith("-") || (rest.stream().noneMatch(x -> !x.startsWith("-")) && !a.contains("="))) {
                rest.add(a);
            } else {
                changes.add(a);
            }
        }
        RunTarget target = RunTarget.parse("swap", USAGE, rest, List.of(), runsFolder);
        if (changes.isEmpty()) {
            throw new InvalidInputException("swap", "missing changes; usage: overparam " + USAGE
                    + ", e.g. optimizer=nesterov momentum=0.9 or optimizer.lr=0.5");
        }
        String what = runner.requestSwap(target.folder(), changes);
        t.out().println("asked run " + target.id() + " to swap " + what + " before its next step; it records the swap in"
                + " its run.log and provenance.json");
        t.out().flush();
        return CommandLine.OK;
    }
}
