package org.overparam.shell.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ParamFilter;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The {@code runs [FILTER ...] [--limit N] [--offset N] [--sort [-]KEY] [--csv|--json [FILE]] [--runs DIR]}
 * command: lists runs from the run store of the runs folder, newest first, 50 to a page. Filters:
 * {@code status=CONVERGED} (or {@code status=CONVERGED,COMPLETED}), {@code tag=T} (repeatable: all
 * must hold), {@code name=GLOB}, {@code sweep=ID}, and any parameter of the resolved spec with
 * {@code =, !=, <, <=, >, >=}, e.g. {@code architecture.width>=512}. The table shows the parameters
 * filtered or sorted on as extra columns. {@code --csv}/{@code --json} export the page instead
 * (every parameter and final metric; {@code --limit 0} for all runs).
 */
final class RunsCommand {
    static final String USAGE = "runs [key=value | status=S | tag=T | name=GLOB | sweep=ID ...] [--limit N] [--offset N]"
            + " [--sort [-]KEY] [--csv|--json [FILE]] [--runs DIR]";
    private static final List<String> OPTIONS = List.of("--limit", "--offset", "--sort", "--csv", "--json", "--runs");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private final RunStore store;

    /** @param store the run store, or {@code null} when the store bundle is not installed */
    RunsCommand(RunStore store) {
        this.store = store;
    }

    /**
     * @param args the command's arguments
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException if an argument is bad or the folder has no store
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        RunQuery q = RunQuery.all().page(50, 0);
        String runs = null;
        ExportTarget export = null;
        Set<String> columns = new LinkedHashSet<>();
        int limit = 50;
        int offset = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--csv") || a.startsWith("--json")) {
                ExportTarget.Parsed p = ExportTarget.parse(args, i, "runs");
                export = p.target();
                i += p.used() - 1;
            } else if (a.startsWith("--")) {
                String name = Options.name(a);
                String value = Options.value(args, i, "runs", USAGE);
                i += a.contains("=") ? 0 : 1;
                switch (name) {
                    case "--limit" -> limit = Options.count("--limit", value);
                    case "--offset" -> offset = Options.count("--offset", value);
                    case "--sort" -> {
                        boolean down = value.startsWith("-");
                        String key = down ? value.substring(1) : value;
                        q = q.sortedBy(key, down);
                        if (!RunQuery.CREATED.equals(key) && key.contains(".") && !key.startsWith(RunQuery.METRIC_PREFIX)) {
                            columns.add(key);
                        }
                    }
                    case "--runs" -> runs = value;
                    default -> throw new InvalidInputException("runs", "unknown option '" + name + "'"
                            + Names.suggestion(name, OPTIONS) + "; usage: overparam " + USAGE);
                }
            } else {
                q = filter(q, a, columns);
            }
        }
        q = q.page(limit, offset);
        if (store == null) {
            t.error("runs: no run store; the bundle org.overparam.store is not installed");
            return CommandLine.FAILED;
        }
        Path folder = runsFolder.apply(runs);
        if (export != null) {
            RunQuery query = q;
            ExportTarget target = export;
            String done = target.write(t.out(), w -> store.exportRuns(folder, query, target.format(), w));
            if (done != null) {
                t.out().println(done);
            }
            return CommandLine.OK;
        }
        print(store.runs(folder, q), List.copyOf(columns), folder, t);
        return CommandLine.OK;
    }

    private static RunQuery filter(RunQuery q, String a, Set<String> columns) {
        RunQuery filtered = q.filtered(a);
        String key = ParamFilter.parse(a).key();
        if (!Set.of("status", "tag", "name", "sweep").contains(key)) {
            columns.add(key);
        }
        return filtered;
    }

    private void print(RunPage page, List<String> columns, Path folder, Terminal t) {
        if (page.total() == 0) {
            t.out().println("no runs match");
            return;
        }
        List<String> header = new ArrayList<>(List.of("id", "status", "seed", "steps", "loss", "seconds", "created"));
        header.addAll(columns);
        header.addAll(List.of("sweep", "tags"));
        boolean[] numeric = new boolean[header.size()];
        for (int i = 2; i < 6; i++) {
            numeric[i] = true;
        }
        TextTable table = new TextTable(header, numeric);
        List<String> interrupted = new ArrayList<>();
        String host = RunOwner.host();
        for (RunSummary s : page.runs()) {
            String status = s.status().name();
            if (s.status() == RunStatus.RUNNING || s.status() == RunStatus.PAUSED) {
                status = store.run(folder, s.id()).map(d -> RunOwner.status(d, folder, host)).orElse(status);
                if (status.equals(RunOwner.INTERRUPTED)) {
                    interrupted.add(s.id());
                }
            }
            List<String> row = new ArrayList<>(List.of(s.id(), status, Long.toString(s.seed()),
                    s.finished() == null ? "" : Long.toString(s.steps()), Double.isNaN(s.loss()) ? "" : Formats.loss(s.loss()),
                    Double.isNaN(s.seconds()) ? "" : Formats.number(s.seconds()),
                    TIME.format(s.created().atZone(ZoneId.systemDefault()))));
            if (!columns.isEmpty()) {
                Map<String, String> params = store.run(folder, s.id()).map(RunDetails::params).orElse(Map.of());
                columns.forEach(c -> row.add(params.get(c)));
            }
            row.add(s.sweep());
            row.add(String.join(",", s.tags()));
            table.row(row);
        }
        table.print(t.out());
        long from = page.offset() + 1L;
        long to = page.offset() + (long) page.runs().size();
        String more = to < page.total() ? "; --offset " + to + " for more" : "";
        t.out().println(page.runs().isEmpty() ? "no runs on this page (" + page.total() + " match)"
                : "runs " + from + "-" + to + " of " + page.total() + more);
        for (String id : interrupted) {
            t.out().println(id + " INTERRUPTED: " + RunOwner.resumeHint(id));
        }
    }
}
