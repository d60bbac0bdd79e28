package org.overparam.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;

/**
 * The report of a reproduction suite: a folder written by {@code overparam reproduce}, holding the
 * suite's check files in {@code checks/} (their {@code #@} lines: {@link CheckSpec}) and the runs of
 * every check. Every check is evaluated on its runs ({@link CheckResult}) and three files are written
 * from the same results: {@code reproduction.html} (self-contained: the figures are embedded),
 * {@code reproduction.md} (figures linked under {@code plots/}; both with the check's runs and the sum of
 * their wall times), the page docs/reproduction.md is
 * regenerated from) and {@code verdicts.tsv} (id, verdict, runs, seconds, numbers; what the command
 * prints). The figures are also kept as {@code plots/<id>-<k>.png|svg}.
 */
final class ReproductionReport {
    /** The folder of a suite's check files. */
    static final String CHECKS = "checks";
    /** The file holding the command's options (e.g. {@code --quick}), written by the command. */
    static final String OPTIONS = "reproduce.txt";

    private ReproductionReport() {
    }

    /**
     * @param folder a suite folder (it holds {@value #CHECKS}/)
     * @return whether it is one
     */
    static boolean isSuite(Path folder) {
        return Files.isDirectory(folder.resolve(CHECKS));
    }

    /**
     * @param folder the suite folder
     * @param runs its runs
     * @return the written {@code reproduction.html}
     */
    static Path write(Path folder, List<RunData> runs) {
        List<CheckSpec> checks = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve(CHECKS))) {
            files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(p -> checks.add(CheckSpec.read(p)));
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "cannot read the checks: " + e.getMessage());
        }
        checks.sort(Comparator.comparing(CheckSpec::id));
        String options = read(folder.resolve(OPTIONS)).strip();
        String quick = options.contains("--quick") ? " --quick" : "";
        PlotWriter plots = new PlotWriter(folder.resolve("plots"));
        List<CheckResult> results = checks.stream().map(c -> CheckResult.evaluate(c, runs, plots)).toList();
        Html html = new Html("Reproduction " + folder.getFileName());
        html.tag("h1", "Reproduction of the five papers' claims" + (quick.isEmpty() ? "" : " (quick sizes)"));
        html.tag("p", "Suite folder " + folder.getFileName() + ". Thresholds come from each paper's statement and were"
                + " fixed in the check files before any run; see docs/science.md for the papers.");
        List<List<String>> rows = new ArrayList<>();
        StringBuilder md = new StringBuilder("| check | claim | verdict | key numbers | runs (run time) | figure | rerun alone |\n"
                + "|---|---|---|---|---|---|---|\n");
        StringBuilder tsv = new StringBuilder("check\tverdict\truns\tseconds\tnumbers\n");
        for (CheckResult r : results) {
            String id = r.check().id();
            String command = "./overparam reproduce " + id + quick;
            rows.add(List.of(Html.escape(id), Html.escape(r.check().claim()),
                    "<b>" + Html.escape(r.verdict().text()) + "</b>", Html.escape(String.join("\n", r.numbers())),
                    Html.escape(r.runs() + " (" + Format.number(r.seconds()) + " s)"),
                    r.plots().isEmpty() ? "-" : "<a href=\"#" + Html.escape(id) + "\">figure</a>",
                    "<code>" + Html.escape(command) + "</code>"));
            md.append("| ").append(id).append(" | ").append(cell(r.check().claim())).append(" | **")
                    .append(r.verdict().text()).append("** | ").append(cell(String.join("; ", r.numbers()))).append(" | ")
                    .append(r.runs()).append(" (").append(Format.number(r.seconds())).append(" s) | ")
                    .append(r.plots().isEmpty() ? "-" : "![" + id + "](plots/" + r.plots().get(0).file() + ".png)")
                    .append(" | `").append(command).append("` |\n");
            tsv.append(id).append('\t').append(r.verdict().text()).append('\t').append(r.runs()).append('\t')
                    .append(Format.number(r.seconds())).append('\t')
                    .append(String.join(" | ", r.numbers()).replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        html.table(List.of("check", "claim", "verdict", "key numbers", "runs (run time)", "figure", "rerun alone"), rows);
        for (CheckResult r : results) {
            html.raw("<h2 id=\"" + Html.escape(r.check().id()) + "\">" + Html.escape(r.check().id() + ": "
                    + r.verdict().text()) + "</h2>\n");
            html.tag("p", r.check().claim());
            html.pre(String.join("\n", r.numbers()) + "\n" + r.runs() + " runs, " + Format.number(r.seconds())
                    + " s of run time");
            for (Plot p : r.plots()) {
                html.raw(embedded(plots.dir(), p));
            }
        }
        Path page = folder.resolve("reproduction.html");
        try {
            Files.writeString(folder.resolve("reproduction.md"), md.toString(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("verdicts.tsv"), tsv.toString(), StandardCharsets.UTF_8);
            Files.writeString(page, html.end(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "cannot write the reproduction report: " + e.getMessage());
        }
        return page;
    }

    /** A figure with its PNG inline (a data URI), so the page needs no other file. */
    private static String embedded(Path dir, Plot p) {
        try {
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(p.file() + ".png")));
            return "<figure><img src=\"data:image/png;base64," + data + "\" alt=\"" + Html.escape(p.title()) + "\" width=\""
                    + Charts.WIDTH + "\">\n<figcaption><b>" + Html.escape(p.title()) + "</b>. " + Html.escape(p.caption())
                    + "</figcaption></figure>\n";
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot read the plot " + p.file() + ": " + e.getMessage());
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
