package org.overparam.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.cluster.SweepCluster;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.ReportWriter;
import org.overparam.api.run.SpecReader;
import org.overparam.api.store.RunStore;

/**
 * The Gogo shell commands {@code op:run}, {@code op:sweep}, {@code op:report}, {@code op:resume},
 * {@code op:stop}, {@code op:swap}, {@code op:stale}, {@code op:calibrate}, {@code op:reproduce}, {@code op:runs}, {@code op:show}, {@code op:compare}, {@code op:tag}, {@code op:list}
 * and {@code op:describe}: the same arguments
 * and output as the command line ({@link CommandLine}), written to the session's {@code System.out}
 * and {@code System.err} (Gogo redirects both per session). Bad input prints the one-line error;
 * nothing is thrown at the user. {@code help op:run} prints each command's {@link GogoHelp} text. In
 * Gogo, quote overrides holding braces, e.g.
 * {@code op:run quickstart.yaml 'optimizer={name: sgd, lr: 0.1}'}.
 */
@Component(service = GogoCommands.class, property = {
    "osgi.command.scope=op",
    "osgi.command.function=run",
    "osgi.command.function=sweep",
    "osgi.command.function=report",
    "osgi.command.function=resume",
    "osgi.command.function=stop",
    "osgi.command.function=swap",
    "osgi.command.function=stale",
    "osgi.command.function=calibrate",
    "osgi.command.function=reproduce",
    "osgi.command.function=runs",
    "osgi.command.function=show",
    "osgi.command.function=compare",
    "osgi.command.function=tag",
    "osgi.command.function=list",
    "osgi.command.function=describe",
    "osgi.command.function=cluster"})
public final class GogoCommands {
    private final CommandLine commandLine;
    /** The report service; optional: without the report bundle, {@code report} says it is missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportWriter reports;
    /** The run store; optional: without the store bundle, {@code runs}, {@code show}, ... say it is missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunStore store;
    /** The cluster; optional: without the cluster bundle, {@code sweep --cluster}, {@code worker}, ... say it is missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SweepCluster cluster;

    /**
     * @param registry the components present now
     * @param reader reads experiment files
     * @param runner runs experiments
     * @param sweepLocks the container's table of held sweep folders
     */
    @Activate
    public GogoCommands(@Reference(name = "registry") ComponentRegistry registry,
                        @Reference(name = "reader") SpecReader reader,
                        @Reference(name = "runner") ExperimentRunner runner,
                        @Reference(name = "sweepLocks") SweepLocks sweepLocks) {
        this.commandLine = new CommandLine(registry, reader, runner, System::nanoTime, System::getProperty)
                .reports(() -> reports).store(() -> store).cluster(() -> cluster).sweepLocks(sweepLocks);
    }

    /**
     * {@code op:run FILE [key=value ...] [--runs DIR]}: runs an experiment file.
     *
     * @param args the file, overrides and options
     */
    @Descriptor(GogoHelp.RUN)
    public void run(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("run", args);
    }

    /**
     * {@code op:sweep FILE [key=value | key=a,b | 'key=range(...)' | seeds=N ...] [--runs DIR]
     * [--fragments DIR] [--parallel N] [--dry-run]} or {@code op:sweep --resume SWEEPDIR [--parallel N]}: expands, validates and runs a
     * sweep.
     *
     * @param args the file, overrides, sweep arguments and options
     */
    @Descriptor(GogoHelp.SWEEP)
    public void sweep(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("sweep", args);
    }

    /**
     * {@code op:report RUN|SWEEP [--runs DIR]}: writes the plots and report.html of a run or a sweep.
     *
     * @param args a run folder or run id, or a sweep folder; and options
     */
    @Descriptor(GogoHelp.REPORT)
    public void report(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("report", args);
    }

    /**
     * {@code op:resume RUN [--runs DIR]}: continues a stopped, failed or killed run from its checkpoint.
     *
     * @param args the run (folder or id) and options
     */
    @Descriptor(GogoHelp.RESUME)
    public void resume(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("resume", args);
    }

    /**
     * {@code op:stop RUN [--runs DIR] [--wait]}: asks a running run (in this container or another
     * process) to stop after its current step, with a checkpoint.
     *
     * @param args the run (folder or id) and options
     */
    @Descriptor(GogoHelp.STOP)
    public void stop(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("stop", args);
    }

    /**
     * {@code op:swap RUN KEY=VALUE... [--runs DIR]}: asks a running run to swap components before its
     * next step, e.g. {@code op:swap RUN optimizer=nesterov momentum=0.9}.
     *
     * @param args the run (folder or id), the changes and options
     */
    @Descriptor(GogoHelp.SWAP)
    public void swap(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("swap", args);
    }

    /**
     * {@code op:stale}: the old plugin revisions this container keeps and the runs that hold them.
     *
     * @param args nothing
     */
    @Descriptor(GogoHelp.STALE)
    public void stale(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("stale", args);
    }

    /**
     * {@code op:calibrate}: measure the kernels again and cache the choice for this machine.
     *
     * @param args nothing
     */
    @Descriptor(GogoHelp.CALIBRATE)
    public void calibrate(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("calibrate", args);
    }

    /**
     * {@code op:reproduce [all | A ... | A1 ...] [--quick] [--parallel N] [--runs DIR] [--dir DIR]}: the papers'
     * checks, a verdict per claim and the reproduction report.
     *
     * @param args the checks and options
     */
    @Descriptor(GogoHelp.REPRODUCE)
    public void reproduce(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("reproduce", args);
    }

    /**
     * {@code op:runs [FILTER ...] [--limit N] [--offset N] [--sort [-]KEY] [--csv|--json [FILE]] [--runs DIR]}:
     * lists runs from the run store, e.g. {@code op:runs status=CONVERGED architecture.width=1024}.
     *
     * @param args filters and options
     */
    @Descriptor(GogoHelp.RUNS)
    public void runs(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("runs", args);
    }

    /**
     * {@code op:show RUN [--json [FILE]] [--csv [FILE]] [--runs DIR]}: one run from the run store.
     *
     * @param args the run (id or id prefix) and options
     */
    @Descriptor(GogoHelp.SHOW)
    public void show(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("show", args);
    }

    /**
     * {@code op:compare RUN RUN... [--csv|--json [FILE]]} or {@code op:compare --sweep ID}: runs side by
     * side, or a sweep aggregated over seeds.
     *
     * @param args the runs, or {@code --sweep ID}, and options
     */
    @Descriptor(GogoHelp.COMPARE)
    public void compare(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("compare", args);
    }

    /**
     * {@code op:tag RUN TAG... [--remove TAG]}: tags a run in the run store.
     *
     * @param args the run, tags and options
     */
    @Descriptor(GogoHelp.TAG)
    public void tag(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("tag", args);
    }

    /**
     * {@code op:list [KIND]}: the installed components and their parameters.
     *
     * @param args nothing, or a kind
     */
    @Descriptor(GogoHelp.LIST)
    public void list(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("list", args);
    }

    /**
     * {@code op:describe KIND NAME}: one component's parameters and how to write it.
     *
     * @param args a kind and a name
     */
    @Descriptor(GogoHelp.DESCRIBE)
    public void describe(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("describe", args);
    }

    private void execute(String command, String[] args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(Arrays.asList(args));
        commandLine.execute(all, Terminal.system());
    }

    /**
     * {@code op:cluster [--join HOST:PORT]}: the cluster's members, queue, claims and throughput.
     *
     * @param args the arguments
     */
    @Descriptor(GogoHelp.CLUSTER)
    public void cluster(@Descriptor(GogoHelp.ARGS) String... args) {
        execute("cluster", args);
    }
}
