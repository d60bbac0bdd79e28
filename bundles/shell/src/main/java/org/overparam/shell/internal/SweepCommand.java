package org.overparam.shell.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.SweepCluster;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.Names;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;

/**
 * The {@code sweep} command: expands an experiment's sweep (every run resolved, validated and pinned
 * before anything is written), creates the sweep folder with its manifest ({@link SweepFolder}), runs
 * the points, up to {@code --parallel N} at once (default: the number of cores), with progress on
 * standard error ({@code run 3/12 (...)}), and prints a table of the runs ({@link SweepTable}; the
 * running is {@link SweepRuns}). With {@code --resume SWEEPDIR} it reads the manifest back,
 * skips the points that already have a finished run, and continues a point's interrupted run (stopped,
 * failed or killed) from its checkpoint ({@link ExperimentRunner#resume}) instead of starting it
 * again. A run that is stopped (an interrupt, or {@code stop RUN}) ends
 * the sweep: no other point starts, and the runs active then stop at a boundary too on an interrupt. Exit code 0 when every run converged or completed, 1 otherwise, 2 for bad input.
 */
final class SweepCommand {
    /** The usage line. */
    static final String USAGE = "sweep FILE [key=value | key=a,b | key=range(...) | seeds=N ...] [--runs DIR] "
            + "[--fragments DIR] [--parallel N] [--dry-run] [--cluster [--port N] [--bind ADDR] [--cluster-name NAME]"
            + " [--secret S]]  |  sweep --resume SWEEPDIR [--parallel N] [--dry-run] [--cluster ...]"
            + "  |  sweep --status SWEEP --join HOST:PORT";
    private static final List<String> OPTIONS = List.of("--runs", "--fragments", "--resume", "--parallel", "--dry-run");
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final LongSupplier nanos;
    private final Supplier<LocalDateTime> clock;
    private SweepLocks locks = new SweepLocks();
    private Supplier<SweepCluster> cluster = () -> null;
    private UnaryOperator<String> env = System::getenv;
    private int cores = Runtime.getRuntime().availableProcessors();

    /**
     * @param reader reads and expands experiment files and manifests
     * @param runner runs the points
     * @param nanos a monotonic clock in nanoseconds
     * @param clock the wall clock, for the sweep folder's name
     */
    SweepCommand(SpecReader reader, ExperimentRunner runner, LongSupplier nanos, Supplier<LocalDateTime> clock) {
        this.reader = reader;
        this.runner = runner;
        this.nanos = nanos;
        this.clock = clock;
    }

    /**
     * @param runs how many runs a sweep runs at once without {@code --parallel} (by default the number of cores)
     * @return this
     */
    SweepCommand cores(int runs) {
        this.cores = runs;
        return this;
    }

    /**
     * @param service gives the cluster service at the time of a {@code --cluster} sweep, or {@code null}
     *     without the cluster bundle
     * @param environment the environment by name (for the cluster's secret)
     * @return this
     */
    SweepCommand cluster(Supplier<SweepCluster> service, UnaryOperator<String> environment) {
        this.cluster = service;
        this.env = environment;
        return this;
    }

    /**
     * @param held the container's table of held sweep folders (by default one of this command's own)
     * @return this
     */
    SweepCommand locks(SweepLocks held) {
        this.locks = held;
        return this;
    }

    /**
     * @param args the arguments after {@code sweep}
     * @param runsFolder the runs folder for a {@code --runs} option (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException for bad arguments, a bad experiment or manifest, or a runs folder
     *     that cannot be written; nothing is written then
     */
    int execute(List<String> arguments0, Function<String, Path> runsFolder, Terminal t) {
        ClusterArgs clustered = ClusterArgs.take("sweep", arguments0, env);
        if (clustered.status() != null) {
            return ClusterCommand.print(cluster.get(), clustered, clustered.status(), t);
        }
        if (clustered.any() && !clustered.cluster()) {
            throw new InvalidInputException("sweep", "--bind, --port, --join, --cluster-name and --secret go with"
                    + " --cluster or --status");
        }
        List<String> args = clustered.rest();
        String file = null;
        String runs = null;
        String resume = null;
        boolean dryRun = false;
        int parallel = cores;
        List<Path> fragments = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.equals("--dry-run") && option.equals(a)) {
                dryRun = true;
            } else if (option.equals("--parallel")) {
                String value = !a.equals(option) ? a.substring(option.length() + 1)
                        : i + 1 < args.size() ? args.get(++i) : "";
                parallel = clustered.cluster() && value.strip().equals("0") ? 0 : parallel(value);
            } else if (List.of("--runs", "--fragments", "--resume").contains(option)) {
                String value = !a.equals(option) ? a.substring(option.length() + 1)
                        : i + 1 < args.size() ? args.get(++i) : "";
                if (value.isBlank()) {
                    throw new InvalidInputException("sweep", option + " needs a folder");
                }
                switch (option) {
                    case "--runs" -> runs = value;
                    case "--fragments" -> fragments.add(path(value));
                    default -> resume = value;
                }
            } else if (a.startsWith("-")) {
                throw new InvalidInputException("sweep", "unknown option '" + option + "'"
                        + Names.suggestion(option, OPTIONS));
            } else if (file == null && resume == null) {
                file = a;
            } else {
                arguments.add(a);
            }
        }
        if (resume != null && (file != null || !arguments.isEmpty() || runs != null || !fragments.isEmpty())) {
            throw new InvalidInputException("sweep",
                    "--resume SWEEPDIR takes no FILE, arguments, --runs or --fragments");
        }
        if (resume == null && file == null) {
            throw new InvalidInputException("sweep", "missing FILE; usage: overparam " + USAGE);
        }
        if (resume != null) {
            Path dir = path(resume);
            Sweep sweep = reader.load(dir);
            if (dryRun) {
                return plan(sweep, SweepFolder.finished(dir), SweepFolder.interrupted(dir), t);
            }
            try (SweepLock lock = locks.acquire(dir)) {
                return clustered.cluster() ? ClusterSweep.run(cluster.get(), sweep, dir, parallel, clustered.options(), t)
                        : new SweepRuns(runner, nanos, parallel).runAll(sweep, dir, t);
            }
        }
        Path runsDir = runsFolder.apply(runs);
        Sweep sweep = reader.expand(path(file), arguments, fragments);
        if (dryRun) {
            return plan(sweep, Map.of(), Map.of(), t);
        }
        RunsFolder.requireWritable(runsDir);
        Path dir = SweepFolder.create(runsDir, sweep.name(), clock.get(), sweep.manifest());
        if (!SweepFolder.safe(sweep.name()).equals(sweep.name())) {
            t.err().println("sweep name '" + sweep.name().replaceAll("\\p{Cntrl}", "?") + "' is not safe as a folder"
                    + " name (only letters, digits, '.', '_' and '-', not first '.' or '-'); the sweep folder is "
                    + dir.getFileName());
        }
        try (SweepLock lock = locks.acquire(dir)) {
            if (clustered.cluster()) {
                try {
                    return ClusterSweep.run(cluster.get(), sweep, dir, parallel, clustered.options(), t);
                } catch (InvalidInputException e) {
                    SweepFolder.removeUnused(dir);
                    throw e;
                }
            }
            return new SweepRuns(runner, nanos, parallel).runAll(sweep, dir, t);
        }
    }

    /** Reads {@code --parallel}'s value: a whole number of runs at once, at least 1. */
    static int parallel(String value) {
        if (value.isBlank()) {
            throw new InvalidInputException("sweep", "--parallel needs a number of runs at once");
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new InvalidInputException("sweep", "--parallel takes a whole number of runs at once, at least 1, not '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return n;
    }

    /**
     * Prints the plan: a finished point with its result, an unfinished run folder with its state (STOPPED or
     * FAILED from its result.json; without one, RUNNING while the process in its run.lock is alive, else
     * INTERRUPTED: {@link RunOwner}), any other point as "to run" with its key.
     */
    private int plan(Sweep sweep, Map<String, SweepFolder.Done> done, Map<String, Path> interrupted, Terminal t) {
        List<SweepTable.Row> rows = new ArrayList<>();
        for (SweepPoint p : sweep.points()) {
            SweepFolder.Done d = done.get(p.key());
            Path open = interrupted.get(p.key());
            if (d != null) {
                rows.add(new SweepTable.Row(p, d.status().name(), d.steps(), d.loss(),
                        d.folder().getFileName().toString(), true));
            } else if (open != null) {
                String status = SweepFolder.status(open);
                rows.add(new SweepTable.Row(p, status != null ? status
                        : RunOwner.gone(open) || RunOwner.pid(open).isEmpty() ? RunOwner.INTERRUPTED
                        : RunStatus.RUNNING.name(), -1, Double.NaN, open.getFileName().toString(), false));
            } else {
                rows.add(new SweepTable.Row(p, "to run", -1, Double.NaN, p.key().substring(0, 12), false));
            }
        }
        SweepTable.print(sweep.axes(), rows, "key", t.out());
        t.out().println(sweep.points().size() + " run" + (sweep.points().size() == 1 ? "" : "s")
                + " of sweep " + sweep.name() + "; nothing written (--dry-run)");
        if (rows.stream().anyMatch(r -> r.status().equals(RunOwner.INTERRUPTED))) {
            t.out().println("INTERRUPTED: the process running it is gone; 'overparam sweep --resume "
                    + interrupted.values().iterator().next().getParent() + "' continues it from its checkpoint");
        }
        t.out().flush();
        return CommandLine.OK;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(text, "not a valid path: " + e.getReason());
        }
    }
}
