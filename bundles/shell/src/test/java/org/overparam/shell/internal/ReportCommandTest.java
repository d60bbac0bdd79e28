package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ReportWriter;

/** {@code overparam report}: targets by folder, run id or id prefix; errors on one line; no service. */
class ReportCommandTest {
    @TempDir
    Path runs;
    final List<Path> reported = new ArrayList<>();
    final ReportWriter writer = folder -> {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder.toString(), "no such folder");
        }
        reported.add(folder);
        return folder.resolve("report.html");
    };
    final Fakes.Captured io = new Fakes.Captured(false);
    CommandLine cli;

    @BeforeEach
    void setUp() throws Exception {
        for (String id : List.of("quickstart-20261123-130740-f264", "quickstart-20261124-090000-0001",
                "landscape-20261123-132912-9291", "sweep-20261123/width-256-seed-1")) {
            Files.createDirectories(runs.resolve(id));
            Files.writeString(runs.resolve(id).resolve("metrics.csv"), "step,metric,value\n");
        }
        cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0,
                Map.of(CommandLine.RUNS_PROPERTY, runs.toString())::get).reports(() -> writer);
    }

    int execute(String... args) {
        return cli.execute(Arrays.asList(args), io.terminal);
    }

    @Test
    void aRunIdOrAnUnambiguousPrefixOrAFolderIsReported() {
        assertEquals(0, execute("report", "landscape-20261123-132912-9291"));
        assertEquals(0, execute("report", "landscape"));
        assertEquals(0, execute("report", "width-256"));
        assertEquals(0, execute("report", runs.resolve("sweep-20261123").toString()));
        assertEquals(List.of(runs.resolve("landscape-20261123-132912-9291"), runs.resolve("landscape-20261123-132912-9291"),
                runs.resolve("sweep-20261123/width-256-seed-1"), runs.resolve("sweep-20261123")), reported);
        assertEquals("report  " + runs.resolve("landscape-20261123-132912-9291/report.html"), io.out().lines().findFirst()
                .orElse(""));
        assertEquals("", io.err());
    }

    @Test
    void badTargetsAreOneLineErrors() {
        assertEquals(2, execute("report", "quickstart"));
        assertTrue(io.err().startsWith("overparam: report: 'quickstart' matches 2 runs under "));
        Fakes.Captured c = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("report", "landscap-20261123-132912-9291"), c.terminal));
        assertTrue(c.err().endsWith("(did you mean 'landscape-20261123-132912-9291'?)\n"), c.err());
        assertEquals(1, c.errLines().size());
        Fakes.Captured d = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("report"), d.terminal));
        assertEquals("overparam: report: missing RUN or SWEEP; usage: overparam report RUN|SWEEP [--runs DIR]\n", d.err());
        Fakes.Captured e = new Fakes.Captured(false);
        assertEquals(2, cli.execute(List.of("report", "x", "--rusn", "y"), e.terminal));
        assertTrue(e.err().contains("unknown option '--rusn' (did you mean '--runs'?)"), e.err());
    }

    @Test
    void theRunsOptionChangesWhereIdsAreLooked() throws Exception {
        Path other = Files.createDirectories(runs.resolve("elsewhere/mine-1"));
        Files.writeString(other.resolve("metrics.csv"), "step,metric,value\n");
        assertEquals(0, execute("report", "mine", "--runs", runs.resolve("elsewhere").toString()));
        assertEquals(List.of(other), reported);
    }

    @Test
    void withoutTheReportBundleTheCommandSaysSo() {
        CommandLine bare = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0,
                Map.of(CommandLine.RUNS_PROPERTY, runs.toString())::get);
        Fakes.Captured c = new Fakes.Captured(false);
        assertEquals(1, bare.execute(List.of("report", "landscape"), c.terminal));
        assertEquals("overparam: report: no report service; the bundle org.overparam.report is not installed\n", c.err());
    }
}
