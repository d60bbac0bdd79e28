package org.overparam.shell.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.Names;
import org.overparam.api.run.SpecReader;

/**
 * Parses {@code overparam} arguments, runs the command and maps the outcome to an exit code: the
 * single implementation behind the launcher's command line ({@link CliService}) and the Gogo
 * commands ({@link GogoCommands}). Bad input prints exactly one line {@code overparam: <where>:
 * <message>} to standard error and gives {@link #BAD_INPUT}; an unexpected exception prints one
 * line and gives {@link #FAILED}; neither prints a stack trace.
 */
final class CommandLine {
    /** Exit code: the run converged or completed; the listing or help was printed. */
    static final int OK = 0;
    /** Exit code: the run diverged, failed or was stopped, or something unexpected went wrong. */
    static final int FAILED = 1;
    /** Exit code: bad input (file, override, parameter, command or arguments). */
    static final int BAD_INPUT = 2;
    /** The system property naming the default runs folder. */
    static final String RUNS_PROPERTY = "overparam.runs";

    static final String USAGE = """
            usage: overparam <command> [arguments]

            commands:
              run FILE [key=value ...] [--runs DIR] [--fragments DIR]
                                                      run an experiment file; each key=value overrides a
                                                      dotted path in it, e.g. architecture.width=2048,
                                                      optimizer=sgd, stop.maxSteps=100, analyzers.0.every=5
              sweep FILE [key=value | key=a,b,c | key=range(A,B,xF) | seeds=N ...] [--runs DIR]
                    [--fragments DIR] [--parallel N]  expand a sweep (the file's sweep: section and these
                    [--dry-run]                       arguments), validate every run, then run them all,
                                                      N at once (default: the number of cores)
              sweep --resume SWEEPDIR [--parallel N]  run the points of a sweep that have not finished
              sweep FILE ... --cluster [--port N]     coordinate the sweep on a cluster (docs/scale-out.md):
                    [--bind ADDR] [--cluster-name N]  members join with 'worker'; run folders and the run
                    [--secret S]                      store stay here; also sweep --resume DIR --cluster
              sweep --status SWEEP --join HOST:PORT   progress of a clustered sweep, from any machine
              worker --join HOST:PORT [--parallel N]  join a coordinator and run its runs until it leaves
              cluster [--join HOST:PORT]              members, cores, active runs, queue, claims, throughput
              reproduce [all | A ... | A1 ...] [--quick] [--parallel N] [--runs DIR] [--dir DIR]
                                                      run the five papers' checks (examples/reproduce/),
                                                      print a verdict per claim, write reproduction.html
              report RUN|SWEEP [--runs DIR]           plots and report.html of a run (its folder, or its id
                                                      under the runs folder) or of a sweep folder
              resume RUN [--runs DIR]                 continue a stopped, failed or killed run from its last
                                                      checkpoint to the result it would have had
              stop RUN [--runs DIR] [--wait]          ask a running run to stop after its current step,
                                                      with a checkpoint (then: resume RUN)
              swap RUN KEY=VALUE... [--runs DIR]      swap components of a running run before its next
                                                      step: optimizer=nesterov momentum=0.9,
                                                      optimizer.lr=0.5, schedule=cosine,
                                                      analyzers.LABEL=NAME, analyzers.LABEL.every=K
              stale                                   old plugin revisions this container still keeps,
                                                      and the runs that hold them
              calibrate                               measure native against Java kernels per operation
                                                      and shape now, cache the choice for this machine,
                                                      print the table (used from the next start with
                                                      -Doverparam.linalg.calibration=auto)
              runs [FILTER ...] [--limit N] [--offset N] [--sort [-]KEY] [--csv|--json [FILE]]
                                                      runs in the run store, newest first; filters:
                                                      status=S, tag=T, name=GLOB, sweep=ID, key=value,
                                                      key!=value, key<value, key>=value ... on the spec
              show RUN [--json [FILE]] [--csv [FILE]] one run: status, timings, final metrics, artifacts,
                                                      provenance, spec (--csv: its metric rows)
              compare RUN RUN... [--csv|--json [FILE]]
                                                      runs side by side: differing parameters, final metrics
              compare --sweep ID [--metric NAME ...]  a sweep's final metrics over seeds: mean, std, min, max
              tag RUN TAG... [--remove TAG]           tag a run in the run store
              list [KIND]                             the installed components and their parameters
                                                      (all kinds: then the kernels chosen, as runs record them)
              describe KIND NAME                      one component: parameters and how to write it
              verify JAR                              check a plugin jar against this container: imports,
                                                      metadata, a tiny run, hot swap, clean unloading
              shell                                   the interactive Gogo shell: every command as op:COMMAND,
                                                      with history, Tab completion and help op:COMMAND
              serve [--port P] [--host H]             the dashboard in the browser (docs/dashboard.md):
                                                      http://127.0.0.1:8321/ or the next free port
              help                                    this text

            kinds: dataset, architecture, initializer, loss, optimizer, schedule, constraint, analyzer
            runs folder: --runs DIR, else the system property overparam.runs, else ./runs
            fragments: --fragments DIR, else the system property overparam.fragments; then
                       fragments/ beside the experiment file; then the shipped ones
            exit codes: 0 converged or completed, 1 diverged, failed or stopped, 2 bad input
            """;
    private static final List<String> COMMANDS = List.of("run", "report", "sweep", "resume", "stop", "list", "describe",
            "verify", "help", "reproduce", "runs", "worker", "cluster", "show", "compare", "tag", "swap", "stale", "calibrate", "shell");

    private final ComponentHelp help;
    private final RunCommand run;
    private final SweepCommand sweep;
    private final ResumeCommand resume;
    private final StopCommand stop;
    private final ExperimentRunner runner;
    private final SpecReader reader;
    private final LongSupplier nanos;
    private final UnaryOperator<String> properties;
    private java.util.function.Supplier<org.overparam.api.run.ReportWriter> reports = () -> null;
    private java.util.function.Supplier<org.overparam.api.store.RunStore> store = () -> null;
    private java.util.function.Supplier<org.overparam.api.cluster.SweepCluster> cluster = () -> null;
    private VerifyCommand verify;

    /**
     * @param registry the components present now
     * @param reader reads experiment files
     * @param runner runs experiments
     * @param nanos a monotonic clock in nanoseconds
     * @param properties system properties by name ({@code System::getProperty})
     */
    CommandLine(ComponentRegistry registry, SpecReader reader, ExperimentRunner runner, LongSupplier nanos,
                UnaryOperator<String> properties) {
        this.help = new ComponentHelp(registry);
        this.run = new RunCommand(reader, runner, nanos);
        this.sweep = new SweepCommand(reader, runner, nanos, java.time.LocalDateTime::now);
        this.resume = new ResumeCommand(reader, runner, nanos);
        this.stop = new StopCommand(runner);
        this.runner = runner;
        this.reader = reader;
        this.nanos = nanos;
        this.properties = properties;
    }

    /**
     * @param reports gives the report service at the time of a {@code report} command, or {@code null}
     *     when the report bundle is not installed
     * @return this
     */
    CommandLine reports(java.util.function.Supplier<org.overparam.api.run.ReportWriter> reports) {
        this.reports = reports;
        return this;
    }

    /**
     * @param locks the container's table of held sweep folders, which {@code sweep} takes its locks in
     * @return this
     */
    CommandLine sweepLocks(SweepLocks locks) {
        sweep.locks(locks);
        return this;
    }

    /**
     * @param store gives the run store at the time of a {@code runs}, {@code show}, {@code compare} or
     *     {@code tag} command, or {@code null} when the store bundle is not installed
     * @return this
     */
    CommandLine store(java.util.function.Supplier<org.overparam.api.store.RunStore> store) {
        this.store = store;
        return this;
    }

    /**
     * @param cluster gives the cluster service at the time of a {@code sweep --cluster}, {@code worker} or
     *     {@code cluster} command, or {@code null} when the cluster bundle is not installed
     * @return this
     */
    CommandLine cluster(java.util.function.Supplier<org.overparam.api.cluster.SweepCluster> cluster) {
        this.cluster = cluster;
        sweep.cluster(cluster, System::getenv);
        return this;
    }

    /**
     * @param verify the {@code verify} command, or {@code null} where there is no container to verify in
     * @return this
     */
    CommandLine verify(VerifyCommand verify) {
        this.verify = verify;
        return this;
    }

    /**
     * @param args the arguments, the command first
     * @param t where to print
     * @return the exit code
     */
    int execute(List<String> args, Terminal t) {
        try {
            return dispatch(args, t);
        } catch (InvalidInputException e) {
            t.error(e.oneLine());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            t.error("internal error: " + e);
            return FAILED;
        } finally {
            t.out().flush();
            t.err().flush();
        }
    }

    private int dispatch(List<String> args, Terminal t) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            t.out().print(USAGE);
            return OK;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (command) {
            case "run":
                return run(rest, t);
            case "sweep":
                return sweep.execute(rest, this::runsFolder, t);
            case "reproduce":
                return new ReproduceCommand(reader, runner, nanos, java.time.LocalDateTime::now, reports, store)
                        .execute(rest, this::runsFolder, t);
            case "report":
                return new ReportCommand(reports.get()).execute(rest, this::runsFolder, t);
            case "resume":
                return resume.execute(rest, this::runsFolder, t);
            case "stop":
                return stop.execute(rest, this::runsFolder, t);
            case "swap":
                return new SwapCommand(runner).execute(rest, this::runsFolder, t);
            case "stale":
                return new StaleCommand(runner).execute(rest, t);
            case "calibrate":
                return new CalibrateCommand().execute(rest, t);
            case "runs":
                return new RunsCommand(store.get()).execute(rest, this::runsFolder, t);
            case "show":
                return new ShowCommand(store.get()).execute(rest, this::runsFolder, t);
            case "compare":
                return new CompareCommand(store.get()).execute(rest, this::runsFolder, t);
            case "tag":
                return new TagCommand(store.get()).execute(rest, this::runsFolder, t);
            case "worker":
                return WorkerCommand.execute(cluster.get(), rest, this::runsFolder, System::getenv,
                        Runtime.getRuntime().availableProcessors(), t);
            case "cluster":
                return ClusterCommand.execute(cluster.get(), rest, System::getenv, t);
            case "verify":
                if (verify == null) {
                    throw new InvalidInputException("verify", "needs a running container");
                }
                return verify.execute(rest, t);
            case "list":
                expect(rest, 0, 1, "list [KIND]");
                help.list(rest.isEmpty() ? null : rest.get(0), t.out());
                if (rest.isEmpty()) {
                    t.out().println();
                    t.out().println("kernels: " + org.overparam.linalg.Linalg.implementation());
                }
                return OK;
            case "describe":
                expect(rest, 2, 2, "describe KIND NAME");
                help.describe(rest.get(0), rest.get(1), t.out());
                return OK;
            case "shell":
                throw new InvalidInputException("shell", "already in a container; start the shell with "
                        + "'./overparam shell', where every command is op:COMMAND");
            default:
                throw new InvalidInputException("", "unknown command '" + command + "'"
                        + Names.suggestion(command, COMMANDS) + "; try 'overparam help'");
        }
    }

    private int run(List<String> args, Terminal t) {
        String file = null;
        String runs = null;
        List<String> overrides = new ArrayList<>();
        List<Path> fragments = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--fragments") || a.startsWith("--fragments=")) {
                String dir = a.equals("--fragments") ? (i + 1 < args.size() ? args.get(++i) : "") : a.substring(12);
                if (dir.isBlank()) {
                    throw new InvalidInputException("run", "--fragments needs a folder");
                }
                fragments.add(path(dir));
            } else if (a.equals("--runs")) {
                if (i + 1 >= args.size()) {
                    throw new InvalidInputException("run", "--runs needs a folder");
                }
                runs = args.get(++i);
            } else if (a.startsWith("--runs=")) {
                runs = a.substring("--runs=".length());
            } else if (a.startsWith("-")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                throw new InvalidInputException("run", "unknown option '" + name + "'"
                        + Names.suggestion(name, List.of("--runs", "--fragments")));
            } else if (file == null) {
                file = a;
            } else {
                overrides.add(a);
            }
        }
        if (file == null) {
            throw new InvalidInputException("run",
                    "missing FILE; usage: overparam run FILE [key=value ...] [--runs DIR]");
        }
        if (runs != null && runs.isBlank()) {
            throw new InvalidInputException("run", "--runs needs a folder");
        }
        return run.run(path(file), overrides, fragments, runsFolder(runs), t);
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(text, "not a valid path: " + e.getReason());
        }
    }

    /**
     * @param option the {@code --runs} option, or {@code null}
     * @return the option, else the system property {@value #RUNS_PROPERTY}, else {@code runs} (relative to
     *     the working directory)
     * @throws InvalidInputException if that path, or a parent of it, is a file ({@link RunsFolder#requireFolder})
     */
    Path runsFolder(String option) {
        String property = option != null ? option : properties.apply(RUNS_PROPERTY);
        return RunsFolder.requireFolder(path(property == null || property.isBlank() ? "runs" : property));
    }

    private static void expect(List<String> args, int min, int max, String usage) {
        if (args.size() < min || args.size() > max) {
            String command = usage.substring(0, usage.indexOf(' '));
            throw new InvalidInputException(command, (args.size() < min ? "missing arguments" : "too many arguments")
                    + "; usage: overparam " + usage);
        }
    }
}
