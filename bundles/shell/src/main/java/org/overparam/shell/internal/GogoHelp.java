package org.overparam.shell.internal;

/**
 * The help text of each {@code op:} command in the Gogo shell ({@code help op:run}): what it does,
 * its usage and an example, as the command line's {@code overparam help} gives them. Constants, for
 * Gogo's {@code @Descriptor} annotations on {@link GogoCommands}.
 */
final class GogoHelp {
    /** The arguments of every command: the command line's arguments, as separate words. */
    static final String ARGS = "the command line's arguments (see 'overparam help')";
    static final String RUN = "run an experiment file; each key=value overrides a dotted path in it\n"
            + "   usage: op:run FILE [key=value ...] [--runs DIR] [--fragments DIR]\n"
            + "   e.g.   op:run examples/quickstart.yaml architecture.width=2048 optimizer=sgd\n"
            + "   keep the shell while it runs: op:run FILE &   (then op:runs, op:stop RUN, jobs, fg)\n"
            + "   quote values with braces: op:run FILE 'optimizer={name: sgd, lr: 0.1}'";
    static final String CLUSTER = "the cluster this container is in (or the one at --join): members, cores, active runs,\n"
            + "   queue, claims, throughput\n"
            + "   usage: op:cluster [--join HOST:PORT] [--cluster-name NAME] [--secret SECRET]";
    static final String SWEEP = "expand a sweep, validate every run, then run them all\n"
            + "   usage: op:sweep FILE [key=value | key=a,b,c | 'key=range(A,B,xF)' | seeds=N ...] [--runs DIR]\n"
            + "          [--fragments DIR] [--parallel N] [--dry-run]   (N runs at once; default: the cores)\n"
            + "          op:sweep --resume SWEEPDIR [--parallel N]   (run the points that have not finished)";
    static final String REPORT = "plots and report.html of a run (its folder or id) or of a sweep folder\n"
            + "   usage: op:report RUN|SWEEP [--runs DIR]";
    static final String RESUME = "continue a stopped, failed or killed run from its last checkpoint\n"
            + "   usage: op:resume RUN [--runs DIR]";
    static final String STOP = "ask a running run to stop after its current step, with a checkpoint\n"
            + "   usage: op:stop RUN [--runs DIR] [--wait]   (then: op:resume RUN)";
    static final String SWAP = "swap components of a running run before its next step\n"
            + "   usage: op:swap RUN KEY=VALUE... [--runs DIR]\n"
            + "   e.g.   op:swap RUN optimizer=nesterov momentum=0.9, optimizer.lr=0.5, schedule=cosine,\n"
            + "          analyzers.LABEL=NAME, analyzers.LABEL.every=K";
    static final String STALE = "old plugin revisions this container still keeps, and the runs that hold them\n"
            + "   usage: op:stale";
    static final String CALIBRATE = "measure native against Java kernels per operation and shape, cache the choice\n"
            + "   usage: op:calibrate   (the table printed; used from the next start with\n"
            + "          -Doverparam.linalg.calibration=auto)";
    static final String REPRODUCE = "the five papers' checks (examples/reproduce/): a verdict per claim and a report\n"
            + "   usage: op:reproduce [all | A ... | A1 ...] [--quick] [--parallel N] [--runs DIR] [--dir DIR]";
    static final String RUNS = "runs in the run store, newest first\n"
            + "   usage: op:runs [FILTER ...] [--limit N] [--offset N] [--sort [-]KEY] [--csv|--json [FILE]] [--runs DIR]\n"
            + "   filters: status=S, tag=T, name=GLOB, sweep=ID, key=value, key!=value, key<value, key>=value";
    static final String SHOW = "one run: status, timings, final metrics, artifacts, provenance, spec\n"
            + "   usage: op:show RUN [--json [FILE]] [--csv [FILE]] [--metric NAME ...] [--points N] [--runs DIR]";
    static final String COMPARE = "runs side by side, or a sweep's final metrics over seeds\n"
            + "   usage: op:compare RUN RUN... [--csv|--json [FILE]] [--runs DIR]\n"
            + "          op:compare --sweep ID [--metric NAME ...]";
    static final String TAG = "tag a run in the run store\n"
            + "   usage: op:tag RUN TAG... [--remove TAG] [--runs DIR]";
    static final String LIST = "the installed components and their parameters\n"
            + "   usage: op:list [KIND]   kinds: dataset, architecture, initializer, loss, optimizer, schedule,\n"
            + "          constraint, analyzer";
    static final String DESCRIBE = "one component: its parameters and how to write it\n"
            + "   usage: op:describe KIND NAME   e.g. op:describe optimizer nesterov";
    static final String VERIFY = "check a plugin jar against this container: imports, metadata, a tiny run, hot swap,\n"
            + "   clean unloading (an updated jar of an installed plugin is checked beside it)\n"
            + "   usage: op:verify JAR";
    static final String CANDIDATES = "the words Tab may complete at the cursor of an op: command line (used by the "
            + "shell's completion)";

    private GogoHelp() {
    }
}
