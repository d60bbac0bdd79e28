package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.Names;
import org.overparam.api.run.ReportWriter;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.Sweep;
import org.overparam.api.store.RunStore;

/**
 * The {@code reproduce} command: runs the reproduction checks of the five papers (the experiment files
 * of {@code examples/reproduce/}, one per check, {@code quick/ID.yaml} for {@code --quick}) as one
 * sweep ({@link SuiteManifest}) in a suite folder {@code <runs>/reproduce[-quick]-<stamp>/}, up to
 * {@code --parallel N} runs at once ({@link SweepRuns}); copies the check files into the suite's
 * {@code checks/}, tags its runs {@code reproduce} and {@code reproduce-quick} or {@code reproduce-full}
 * in the run store, has the report bundle evaluate every check ({@code reproduction.html},
 * {@code reproduction.md}, {@code verdicts.tsv}) and prints the verdicts. A check whose file says
 * {@code #@ not-testable:} runs nothing. Exit code 0 when every run finished and the report was
 * written (whatever the verdicts), 1 when a run did not, 2 for bad input (nothing written).
 */
final class ReproduceCommand {
    /** The usage line. */
    static final String USAGE = "reproduce [all | A B ... | A1 B2 ...] [--quick] [--parallel N] [--runs DIR] [--dir DIR]";
    private static final List<String> OPTIONS = List.of("--quick", "--parallel", "--runs", "--dir");
    private static final String NOT_TESTABLE = "#@ not-testable:";
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final LongSupplier nanos;
    private final Supplier<LocalDateTime> clock;
    private final Supplier<ReportWriter> reports;
    private final Supplier<RunStore> store;
    private int cores = Runtime.getRuntime().availableProcessors();

    ReproduceCommand(SpecReader reader, ExperimentRunner runner, LongSupplier nanos, Supplier<LocalDateTime> clock,
                     Supplier<ReportWriter> reports, Supplier<RunStore> store) {
        this.reader = reader;
        this.runner = runner;
        this.nanos = nanos;
        this.clock = clock;
        this.reports = reports;
        this.store = store;
    }

    /**
     * @param args the arguments after {@code reproduce}
     * @param runsFolder the runs folder for a {@code --runs} option (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        boolean quick = false;
        int parallel = cores;
        String runs = null;
        Path dir = Path.of("examples", "reproduce");
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--quick")) {
                quick = true;
            } else if (List.of("--parallel", "--runs", "--dir").contains(a)) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new InvalidInputException("reproduce", a + " needs a value; usage: overparam " + USAGE);
                }
                String v = args.get(++i);
                switch (a) {
                    case "--parallel" -> parallel = Math.max(1, Options.count("--parallel", v));
                    case "--runs" -> runs = v;
                    default -> dir = Path.of(v);
                }
            } else if (a.startsWith("-")) {
                throw new InvalidInputException("reproduce", "unknown option '" + a + "'" + Names.suggestion(a, OPTIONS));
            } else {
                wanted.add(a);
            }
        }
        if (reports.get() == null) {
            throw new InvalidInputException("reproduce", "needs the report bundle (overparam-report) to evaluate the checks");
        }
        Map<String, Path> checks = select(dir, wanted.isEmpty() ? List.of("all") : wanted);
        Map<String, Sweep> sweeps = new LinkedHashMap<>();
        Map<String, String> cannot = new TreeMap<>();
        for (Map.Entry<String, Path> c : checks.entrySet()) {
            if (!notTestable(c.getValue())) {
                Path q = dir.resolve("quick").resolve(c.getKey() + ".yaml");
                try {
                    sweeps.put(c.getKey(), reader.expand(quick && Files.isRegularFile(q) ? q : c.getValue(), List.of(), List.of()));
                } catch (InvalidInputException e) {
                    // a check that cannot start here (its data set is not installed, say) is not testable, not the end of the suite
                    t.error("check " + c.getKey() + " cannot run here: " + e.oneLine());
                    cannot.put(c.getKey(), e.oneLine());
                }
            }
        }
        Path runsDir = runsFolder.apply(runs);
        RunsFolder.requireWritable(runsDir);
        List<String> options = quick ? List.of("--quick") : List.of();
        String name = quick ? "reproduce-quick" : "reproduce";
        Sweep suite = sweeps.isEmpty() ? null : SuiteManifest.join(name, dir.toString(), options, sweeps);
        Path folder = SweepFolder.create(runsDir, name, clock.get(), suite == null ? "" : suite.manifest());
        copyChecks(folder, checks, cannot, options);
        int code = CommandLine.OK;
        if (suite != null) {
            Terminal quiet = new Terminal(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), t.err(), t.live());
            code = new SweepRuns(runner, nanos, parallel).runAll(suite, folder, quiet);
            if (Thread.currentThread().isInterrupted()) {
                t.error("reproduce stopped; continue its runs with: overparam sweep --resume " + folder
                        + ", then: overparam report " + folder);
                return CommandLine.FAILED;
            }
            tag(runsDir, folder, quick ? "reproduce-quick" : "reproduce-full", t);
        }
        Path page = reports.get().report(folder);
        print(folder.resolve("verdicts.tsv"), t);
        t.out().println("suite folder " + folder + " (run store sweep " + folder.getFileName() + ")");
        t.out().println("report: " + page);
        t.out().flush();
        return code;
    }

    /**
     * The check files chosen by ids ({@code B2-B3}), papers ({@code B}), a check's family ({@code B1}: B1-fc,
     * B1-cnn, ...) or {@code all}, in id order.
     */
    private static Map<String, Path> select(Path dir, List<String> wanted) {
        Map<String, Path> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches("[A-Z][0-9][A-Za-z0-9-]*\\.yaml"))
                    .forEach(p -> all.put(p.getFileName().toString().replace(".yaml", ""), p));
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "no checks here (run from the repository's folder, or give"
                    + " --dir examples/reproduce): " + e.getMessage());
        }
        Map<String, Path> out = new TreeMap<>();
        for (String w : wanted) {
            int before = out.size();
            all.forEach((id, p) -> {
                if (w.equals("all") || id.equals(w)
                        || !w.contains("-") && id.startsWith(w) && (w.length() == 1 || id.charAt(w.length()) == '-')) {
                    out.put(id, p);
                }
            });
            if (out.size() == before && all.keySet().stream().noneMatch(id -> id.equals(w))) {
                throw new InvalidInputException("reproduce", "no check '" + w + "' in " + dir
                        + Names.suggestion(w, new ArrayList<>(all.keySet())) + "; checks: " + String.join(" ", all.keySet()));
            }
        }
        return out;
    }

    private static boolean notTestable(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(l -> l.strip().startsWith(NOT_TESTABLE));
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * Copies the check files into the suite's {@code checks/}; a check that could not start gets the line
     * {@code #@ not-testable: could not start here: <the error>} appended to its copy.
     */
    private static void copyChecks(Path folder, Map<String, Path> checks, Map<String, String> cannot, List<String> options) {
        try {
            Path to = Files.createDirectories(folder.resolve("checks"));
            for (Map.Entry<String, Path> c : checks.entrySet()) {
                Path copy = Files.copy(c.getValue(), to.resolve(c.getKey() + ".yaml"));
                if (cannot.containsKey(c.getKey())) {
                    Files.writeString(copy, "\n" + NOT_TESTABLE + " could not start here: "
                            + cannot.get(c.getKey()).replaceAll("\\R", " ") + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.APPEND);
                }
            }
            Files.writeString(folder.resolve("reproduce.txt"), String.join(" ", options) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "cannot write the suite's checks: " + e.getMessage());
        }
    }

    /** Tags the suite's runs in the run store, when one is installed. */
    private void tag(Path runsDir, Path folder, String mode, Terminal t) {
        RunStore s = store.get();
        if (s == null) {
            return;
        }
        for (Path run : SweepFolder.finished(folder).values().stream().map(SweepFolder.Done::folder).toList()) {
            try {
                s.tag(runsDir, run.getFileName().toString(), List.of("reproduce", mode), List.of());
            } catch (InvalidInputException e) {
                t.error("cannot tag " + run.getFileName() + ": " + e.oneLine());
            }
        }
    }

    private static void print(Path verdicts, Terminal t) {
        List<String> lines;
        try {
            lines = Files.readAllLines(verdicts, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(verdicts.toString(), "cannot read the verdicts: " + e.getMessage());
        }
        TextTable table = new TextTable(List.of("check", "verdict", "runs", "run s", "key numbers"),
                new boolean[] {false, false, true, true, false});
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", 5);
            table.row(List.of(c[0], c[1], c[2], c[3], c.length > 4 ? c[4] : ""));
        }
        table.print(t.out());
    }
}
