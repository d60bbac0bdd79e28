package org.overparam.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The {@code show RUN [--json [FILE]] [--csv [FILE]] [--metric NAME ...] [--points N] [--runs DIR]}
 * command: one run from the run store (RUN is its id or the start of exactly one id): status,
 * timings, final metrics, artifacts, provenance and the resolved spec. {@code --json} writes all of it
 * as JSON instead; {@code --csv} writes the run's metric rows ({@code run,step,metric,value}),
 * restricted to {@code --metric} names and thinned to {@code --points} per metric when given.
 */
final class ShowCommand {
    static final String USAGE = "show RUN [--json [FILE]] [--csv [FILE]] [--metric NAME ...] [--points N] [--runs DIR]";
    private static final List<String> OPTIONS = List.of("--json", "--csv", "--metric", "--points", "--runs");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private final RunStore store;

    /** @param store the run store, or {@code null} when the store bundle is not installed */
    ShowCommand(RunStore store) {
        this.store = store;
    }

    /**
     * @param args the command's arguments
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException if an argument is bad, the folder has no store or the run is unknown
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        String run = null;
        String runs = null;
        ExportTarget export = null;
        List<String> metrics = new ArrayList<>();
        int points = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--csv") || a.startsWith("--json")) {
                ExportTarget.Parsed p = ExportTarget.parse(args, i, "show");
                export = p.target();
                i += p.used() - 1;
            } else if (a.startsWith("--")) {
                String name = Options.name(a);
                String value = Options.value(args, i, "show", USAGE);
                i += a.contains("=") ? 0 : 1;
                switch (name) {
                    case "--metric" -> metrics.add(value);
                    case "--points" -> {
                        points = Options.count("--points", value);
                        if (points == 1) {
                            throw new InvalidInputException("--points", "keep at least 2 points (the first and the last)");
                        }
                    }
                    case "--runs" -> runs = value;
                    default -> throw new InvalidInputException("show", "unknown option '" + name + "'"
                            + Names.suggestion(name, OPTIONS) + "; usage: overparam " + USAGE);
                }
            } else if (run == null) {
                run = a;
            } else {
                throw new InvalidInputException("show", "too many arguments; usage: overparam " + USAGE);
            }
        }
        if (run == null) {
            throw new InvalidInputException("show", "missing RUN; usage: overparam " + USAGE);
        }
        if (store == null) {
            t.error("show: no run store; the bundle org.overparam.store is not installed");
            return CommandLine.FAILED;
        }
        Path folder = runsFolder.apply(runs);
        String id = store.resolve(folder, run);
        if (export != null) {
            ExportTarget e = export;
            MetricQuery mq = MetricQuery.of(List.of(id)).metrics(metrics).downsampled(points);
            String done = e.write(t.out(), w -> {
                if (e.format() == org.overparam.api.store.ExportFormat.JSON) {
                    store.exportRun(folder, id, w);
                } else {
                    store.exportMetrics(folder, mq, e.format(), w);
                }
            });
            if (done != null) {
                t.out().println(done);
            }
            return CommandLine.OK;
        }
        String asked = run;
        RunDetails d = store.run(folder, id).orElseThrow(() -> new InvalidInputException(asked, "no run '" + asked
                + "'"));
        print(d, RunOwner.status(d, folder, RunOwner.host()), t.out());
        return CommandLine.OK;
    }

    private static void print(RunDetails d, String status, PrintStream out) {
        RunSummary s = d.summary();
        out.println("run        " + s.id());
        out.println("name       " + s.name() + "  (seed " + s.seed() + ")");
        out.println("status     " + status + (status.equals(RunOwner.INTERRUPTED) ? "  " + RunOwner.resumeHint(s.id())
                : d.message().isEmpty() ? "" : "  " + d.message()));
        out.println("folder     " + d.folder());
        if (!s.sweep().isEmpty()) {
            out.println("sweep      " + s.sweep() + "  point " + d.point());
        }
        if (!s.tags().isEmpty()) {
            out.println("tags       " + String.join(", ", s.tags()));
        }
        out.println("started    " + time(s.created()) + (s.finished() == null ? "" : "   finished " + time(s.finished())));
        if (s.finished() != null) {
            out.println("steps      " + s.steps() + "   loss " + (Double.isNaN(s.loss()) ? "-" : Formats.loss(s.loss())));
        }
        if (!d.timings().isEmpty()) {
            List<String> parts = new ArrayList<>();
            d.timings().forEach((k, v) -> parts.add(k.replace("_seconds", "") + " " + Formats.number(v) + " s"));
            out.println("timings    " + String.join(", ", parts));
        }
        Provenance p = d.provenance();
        out.println();
        out.println("provenance");
        out.println("  host " + p.host() + ", " + p.os() + ", " + p.processors() + " processors");
        out.println("  jvm  " + p.jvmVendor() + " " + p.jvmVersion());
        out.println("  blas " + p.blas());
        out.println("  overparam " + p.overparamVersion());
        if (!p.components().isEmpty()) {
            TextTable c = new TextTable(List.of("  kind", "name", "bundle", "version", "sha256"), new boolean[5]);
            for (ComponentOrigin o : p.components()) {
                c.row(List.of("  " + o.kind().key(), o.name(), o.bundle(), o.version(), o.sha256()));
            }
            c.print(out);
        }
        out.println();
        out.println(s.finished() == null ? "latest metrics" : "final metrics");
        if (d.metrics().isEmpty()) {
            out.println("  -");
        }
        int w = d.metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Double> e : d.metrics().entrySet()) {
            out.println("  " + e.getKey() + " ".repeat(w - e.getKey().length() + 2) + Formats.metric(e.getKey(), e.getValue()));
        }
        if (!d.artifacts().isEmpty()) {
            out.println();
            out.println("artifacts");
            TextTable a = new TextTable(List.of("  name", "bytes", "sha256"), new boolean[] {false, true, false});
            for (ArtifactRecord r : d.artifacts()) {
                a.row(List.of("  " + r.name(), Long.toString(r.size()), r.sha256()));
            }
            a.print(out);
        }
        out.println();
        out.println("spec");
        d.spec().lines().forEach(l -> out.println("  " + l));
    }

    private static String time(Instant i) {
        return TIME.format(i.atZone(ZoneId.systemDefault()));
    }
}
