package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.run.Names;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;
import org.overparam.api.store.SeedAggregate;

/**
 * The {@code compare RUN RUN... [--csv|--json [FILE]] [--runs DIR]} command: runs side by side
 * (status, steps, final loss, wall time, the parameters in which they differ, every final metric);
 * each RUN is an id or the start of exactly one. {@code compare --sweep ID [--metric NAME ...]} shows
 * the sweep's runs grouped by every parameter but the seed, each group's final metrics over its seeds
 * as mean, standard deviation, min and max (metric {@code train.loss} unless named).
 */
final class CompareCommand {
    static final String USAGE = "compare RUN RUN... [--csv|--json [FILE]] [--runs DIR]"
            + " | compare --sweep ID [--metric NAME ...] [--csv|--json [FILE]] [--runs DIR]";
    private static final List<String> OPTIONS = List.of("--sweep", "--metric", "--csv", "--json", "--runs");
    private final RunStore store;

    /** @param store the run store, or {@code null} when the store bundle is not installed */
    CompareCommand(RunStore store) {
        this.store = store;
    }

    /**
     * @param args the command's arguments
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException if an argument is bad, the folder has no store or a run is unknown
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        List<String> runIds = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        String sweep = null;
        String runs = null;
        ExportTarget export = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--csv") || a.startsWith("--json")) {
                ExportTarget.Parsed p = ExportTarget.parse(args, i, "compare");
                export = p.target();
                i += p.used() - 1;
            } else if (a.startsWith("--")) {
                String name = Options.name(a);
                String value = Options.value(args, i, "compare", USAGE);
                i += a.contains("=") ? 0 : 1;
                switch (name) {
                    case "--sweep" -> sweep = value;
                    case "--metric" -> metrics.add(value);
                    case "--runs" -> runs = value;
                    default -> throw new InvalidInputException("compare", "unknown option '" + name + "'"
                            + Names.suggestion(name, OPTIONS) + "; usage: overparam " + USAGE);
                }
            } else {
                runIds.add(a);
            }
        }
        if (sweep == null && runIds.isEmpty()) {
            throw new InvalidInputException("compare", "name the runs to compare, or --sweep ID; usage: overparam "
                    + USAGE);
        }
        if (sweep != null && !runIds.isEmpty()) {
            throw new InvalidInputException("compare", "give runs or --sweep, not both");
        }
        if (store == null) {
            t.error("compare: no run store; the bundle org.overparam.store is not installed");
            return CommandLine.FAILED;
        }
        Path folder = runsFolder.apply(runs);
        ExportTarget target = export;
        if (sweep != null) {
            List<SeedAggregate> groups = store.aggregate(folder, sweep);
            List<String> names = metrics.isEmpty() ? List.of(Optimizer.TRAIN_LOSS) : metrics;
            if (target != null) {
                String done = target.write(t.out(), w -> SeedTable.export(groups, names, target.format(), w));
                if (done != null) {
                    t.out().println(done);
                }
            } else {
                SeedTable.print(groups, names, t.out());
            }
            return CommandLine.OK;
        }
        List<String> ids = new ArrayList<>();
        for (String r : runIds) {
            ids.add(store.resolve(folder, r));
        }
        if (target != null) {
            String done = target.write(t.out(), w -> store.exportComparison(folder, ids, target.format(), w));
            if (done != null) {
                t.out().println(done);
            }
            return CommandLine.OK;
        }
        print(store.compare(folder, ids), t);
        return CommandLine.OK;
    }

    private static void print(Comparison c, Terminal t) {
        List<String> header = new ArrayList<>(List.of(""));
        c.runs().forEach(r -> header.add(r.id()));
        TextTable table = TextTable.firstTextThenNumbers(header);
        table.row(cells("status", c.runs(), r -> r.status().name()));
        table.row(cells("steps", c.runs(), r -> r.finished() == null ? null : Long.toString(r.steps())));
        table.row(cells("loss", c.runs(), r -> Double.isNaN(r.loss()) ? null : Formats.loss(r.loss())));
        table.row(cells("seconds", c.runs(), r -> Double.isNaN(r.seconds()) ? null : Formats.number(r.seconds())));
        for (Map.Entry<String, List<String>> e : c.parameters().entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            row.addAll(e.getValue());
            table.row(row);
        }
        for (Map.Entry<String, List<Double>> e : c.metrics().entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            e.getValue().forEach(v -> row.add(v == null ? null : Formats.metric(e.getKey(), v)));
            table.row(row);
        }
        table.print(t.out());
        if (c.parameters().isEmpty()) {
            t.out().println("(the runs have the same parameters)");
        }
    }

    private static List<String> cells(String key, List<RunSummary> runs, Function<RunSummary, String> f) {
        List<String> row = new ArrayList<>(List.of(key));
        runs.forEach(r -> row.add(f.apply(r)));
        return row;
    }
}
