package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ReportWriter;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.Sweep;
import org.overparam.experiment.internal.YamlSpecReader;

/**
 * The reproduce command over the real reader, the sweep command's fake runner and a report writer that
 * lists the suite's checks as verdicts: the checks' points run as one sweep whose manifest reads back,
 * quick files replace full ones, not-testable checks run nothing, and bad arguments are one line.
 */
class ReproduceCommandTest {
    private static final String CHECK = """
            #@ check: %1$s
            #@ claim: c
            #@ test: bound metric=train.loss max=1
            name: %1$s
            dataset: {name: sphere, n: 8}
            architecture: fc
            initializer: ntk
            loss: squared
            optimizer: gd
            stop: {maxSteps: 20}
            sweep:
              architecture.width: [8, 16]
            """;

    @TempDir
    Path dir;
    final SpecReader reader = new YamlSpecReader(new CorpusRegistry());
    final SweepCommandTest.Runner runner = new SweepCommandTest.Runner();
    final List<Path> reported = new ArrayList<>();
    final ReportWriter report = folder -> {
        reported.add(folder);
        StringBuilder tsv = new StringBuilder("check\tverdict\truns\tseconds\tnumbers\n");
        try (Stream<Path> s = Files.list(folder.resolve("checks"))) {
            s.sorted().forEach(f -> tsv.append(f.getFileName().toString().replace(".yaml", "")).append("\tHOLDS\t2\t1\tok\n"));
            Files.writeString(folder.resolve("verdicts.tsv"), tsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve("reproduction.html");
    };
    final ReproduceCommand command = new ReproduceCommand(reader, runner, () -> 0L,
            () -> LocalDateTime.of(2026, 12, 7, 16, 0, 0), () -> report, () -> null);

    private Path checks() throws IOException {
        Path d = Files.createDirectories(dir.resolve("reproduce"));
        Files.writeString(d.resolve("A1.yaml"), CHECK.formatted("A1"));
        Files.writeString(d.resolve("B2.yaml"), CHECK.formatted("B2"));
        Files.writeString(d.resolve("B1-fc.yaml"), CHECK.formatted("B1-fc"));
        Files.writeString(d.resolve("B1-fc-wide.yaml"), CHECK.formatted("B1-fc-wide"));
        Files.writeString(d.resolve("D9.yaml"), "#@ check: D9\n#@ claim: c\n#@ not-testable: no projection\n");
        Files.createDirectories(d.resolve("quick"));
        Files.writeString(d.resolve("quick/B2.yaml"), "include: [../B2.yaml]\nsweep:\n  architecture.width: [4]\n");
        return d;
    }

    private int run(Fakes.Captured io, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dir", checks().toString(), "--parallel", "1"));
        return command.execute(all, o -> dir.resolve("runs"), io.terminal);
    }

    @Test
    void theChecksRunAsOneSweepWhoseManifestReadsBack() throws IOException {
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, run(io, "A1", "B2"));
        Path suite = dir.resolve("runs/reproduce-20261207-160000");
        assertEquals(List.of(suite), reported);
        assertEquals(List.of("8/0", "16/0", "8/0", "16/0"), runner.ran, "A1's two points, then B2's");
        Sweep back = reader.load(suite);
        assertEquals(List.of("check", "architecture.width"), back.axes());
        assertEquals(4, back.points().size());
        assertEquals("B2", back.points().get(3).values().get("check"));
        assertEquals(List.of("A1.yaml", "B2.yaml"), names(suite.resolve("checks")));
        assertEquals("", Files.readString(suite.resolve("reproduce.txt")).strip());
        assertEquals(List.of("check  verdict  runs  run s  key numbers", "A1     HOLDS       2      1  ok",
                "B2     HOLDS       2      1  ok",
                "suite folder " + suite + " (run store sweep reproduce-20261207-160000)",
                "report: " + suite.resolve("reproduction.html")), io.out().lines().toList());
        assertFalse(io.err().contains("overparam:"), io.err());
    }

    @Test
    void quickUsesTheQuickFilesAndALetterSelectsAPapersChecks() throws IOException {
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, run(io, "B", "D9", "--quick"));
        assertEquals(List.of("8/0", "16/0", "8/0", "16/0", "4/0"), runner.ran,
                "B1-fc and B1-fc-wide have no quick file: their own sizes; B2 its quick ones");
        Path suite = dir.resolve("runs/reproduce-quick-20261207-160000");
        assertEquals("--quick", Files.readString(suite.resolve("reproduce.txt")).strip());
        assertEquals(List.of("B1-fc-wide.yaml", "B1-fc.yaml", "B2.yaml", "D9.yaml"), names(suite.resolve("checks")));
        Fakes.Captured family = new Fakes.Captured(false);
        assertEquals(0, command.execute(List.of("B1", "--dir", dir.resolve("reproduce").toString()), o -> dir.resolve("more"),
                family.terminal));
        assertEquals(List.of("B1-fc-wide.yaml", "B1-fc.yaml"), names(dir.resolve("more/reproduce-20261207-160000/checks")));
        Fakes.Captured one = new Fakes.Captured(false);
        assertEquals(0, command.execute(List.of("B1-fc", "--dir", dir.resolve("reproduce").toString()), o -> dir.resolve("one"),
                one.terminal));
        assertEquals(List.of("B1-fc.yaml"), names(dir.resolve("one/reproduce-20261207-160000/checks")), "an id is not a family");
    }

    @Test
    void aCheckThatCannotStartIsMarkedNotTestableAndTheOthersRun() throws IOException {
        Path d = checks();
        Files.writeString(d.resolve("C1.yaml"), CHECK.formatted("C1").replace("optimizer: gd", "optimizer: gdd"));
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, command.execute(List.of("C1", "A1", "--dir", d.toString()), o -> dir.resolve("runs"), io.terminal));
        assertEquals(2, runner.ran.size());
        String copy = Files.readString(dir.resolve("runs/reproduce-20261207-160000/checks/C1.yaml"));
        assertTrue(copy.contains("#@ not-testable: could not start here: "), copy);
        assertTrue(io.err().contains("overparam: check C1 cannot run here: "), io.err());
    }

    @Test
    void badArgumentsAreOneLineAndWriteNothing() throws IOException {
        Fakes.Captured io = new Fakes.Captured(false);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(io, "B3"));
        assertTrue(e.oneLine().contains("no check 'B3'") && e.oneLine().contains("did you mean 'B2'"), e.oneLine());
        assertTrue(assertThrows(InvalidInputException.class, () -> run(io, "--quik")).oneLine()
                .contains("unknown option '--quik' (did you mean '--quick'?)"));
        assertThrows(InvalidInputException.class, () -> command.execute(List.of("--parallel"), o -> dir, io.terminal));
        assertThrows(InvalidInputException.class, () -> command.execute(List.of("all", "--dir", dir.resolve("none").toString()),
                o -> dir.resolve("runs"), io.terminal));
        assertFalse(Files.exists(dir.resolve("runs")));
        assertTrue(assertThrows(InvalidInputException.class, () -> new ReproduceCommand(reader, runner, () -> 0L,
                LocalDateTime::now, () -> null, () -> null).execute(List.of(), o -> dir, io.terminal)).oneLine()
                .contains("needs the report bundle"));
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
