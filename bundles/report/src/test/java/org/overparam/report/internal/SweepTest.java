package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A sweep of 2 widths x 3 seeds written by {@link SyntheticRun}, plus one diverged run: runs are
 * grouped by width, the final movement is aggregated over the finished seeds (numbers checked by
 * hand), and the sweep report plots movement against width with error bars.
 */
class SweepTest {
    static final double[] NARROW = {0.1, 0.2, 0.4};
    static final double[] WIDE = {0.05, 0.05, 0.08};
    @TempDir
    static Path sweep;
    static List<RunData> runs = new ArrayList<>();

    @BeforeAll
    static void write() throws Exception {
        for (int s = 0; s < 3; s++) {
            SyntheticRun.write(sweep.resolve("w64-s" + s), 64, s + 1, NARROW[s], 120);
            SyntheticRun.write(sweep.resolve("w1024-s" + s), 1024, s + 1, WIDE[s], 120);
        }
        Path diverged = SyntheticRun.write(sweep.resolve("w64-s9"), 64, 9, 99, 120);
        String result = Files.readString(diverged.resolve("result.json")).replace("COMPLETED", "DIVERGED");
        Files.writeString(diverged.resolve("result.json"), result);
        for (Path p : SweepFinder.runs(sweep)) {
            runs.add(RunReader.read(p));
        }
    }

    @Test
    void runsAreGroupedByWidthAndSeedsAggregated() {
        Sweep s = Sweep.of(runs);
        assertEquals(List.of("seed", "architecture.width"), s.varying());
        assertEquals(2, s.points().size());
        SweepPoint narrow = s.points().get(0);
        SweepPoint wide = s.points().get(1);
        assertEquals(64, narrow.width(), 0.0);
        assertEquals(1024, wide.width(), 0.0);
        assertEquals(4, narrow.runs().size());
        assertEquals(3, narrow.finished().size(), "the diverged run is listed, not aggregated");
        // 0.1, 0.2, 0.4: mean 0.7/3; deviations -0.1333, -0.0333, 0.1667; sum of squares 0.0466667; / 2
        SeedStats n = narrow.stats("dynamics.movement");
        assertEquals(3, n.n());
        assertEquals(0.7 / 3, n.mean(), 1e-15);
        assertEquals(Math.sqrt(0.14 / 3 / 2), n.std(), 1e-15);
        assertEquals(0.1, n.min(), 0.0);
        assertEquals(0.4, n.max(), 0.0);
        SeedStats w = wide.stats("dynamics.movement");
        assertEquals(0.06, w.mean(), 1e-15);
        assertEquals(Math.sqrt((0.0001 + 0.0001 + 0.0004) / 2), w.std(), 1e-15);
        assertEquals("0.2333 ± 0.1528 (3)", n.text());
    }

    @Test
    void theSweepReportPlotsMovementAgainstWidthAndLinksEveryRun() throws Exception {
        Path page = new ReportService().report(sweep);
        assertEquals(sweep.resolve("report.html"), page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        for (String plot : List.of("dynamics-movement-vs-width", "dynamics-flip-vs-width", "train-loss-vs-width",
                "ntk-lambda_min-vs-width", "train-loss-by-point")) {
            assertEquals(Charts.WIDTH, Files2.png(sweep.resolve("plots/" + plot + ".png")).getWidth(), plot);
            Files2.svg(sweep.resolve("plots/" + plot + ".svg"));
            assertTrue(html.contains("src=\"plots/" + plot + ".png\""), plot);
        }
        Document svg = Files2.svg(sweep.resolve("plots/dynamics-movement-vs-width.svg"));
        assertTrue(Files2.stroked(svg, RunReportTest.BLUE) >= 3, "the mean line and its error bars");
        assertTrue(html.contains("0.2333 ± 0.1528 (3)"), "aggregate table");
        assertTrue(html.contains("0.06 ± 0.01732 (3)"), "aggregate table");
        for (int s = 0; s < 3; s++) {
            assertTrue(html.contains("href=\"w64-s" + s + "/report.html\""), "link to run " + s);
            assertTrue(Files.exists(sweep.resolve("w64-s" + s + "/report.html")), "run report " + s);
        }
        assertTrue(html.contains("DIVERGED"));
        // a second sweep report redraws only the runs whose files changed since their report
        Path run0 = sweep.resolve("w64-s0");
        long before = Files.getLastModifiedTime(sweep.resolve("w64-s1/report.html")).toMillis();
        // one millisecond newer than its report: stale now, and older than any report written later
        Files.setLastModifiedTime(run0.resolve("result.json"), java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(run0.resolve("report.html")).toMillis() + 1));
        Path run1 = sweep.resolve("w64-s1");
        long made = Files.getLastModifiedTime(run1.resolve("report.html")).toMillis();
        for (String f : List.of("metrics.csv", "spec.yaml", "result.json", "provenance.json", "run.log", "series")) {
            Files.setLastModifiedTime(run1.resolve(f), java.nio.file.attribute.FileTime.fromMillis(made - 3_600_000));
        }
        assertTrue(!RunReport.upToDate(run0) && RunReport.upToDate(run1));
        new ReportService().report(sweep);
        assertTrue(RunReport.upToDate(run0));
        assertEquals(before, Files.getLastModifiedTime(sweep.resolve("w64-s1/report.html")).toMillis());
    }

    @Test
    void anotherVaryingKeyMakesLinesOfPoints(@TempDir Path other) throws Exception {
        List<RunData> mixed = new ArrayList<>();
        for (int depth : new int[] {2, 3}) {
            for (int width : new int[] {64, 128}) {
                for (int seed = 1; seed <= 2; seed++) {
                    Path run = SyntheticRun.write(other.resolve("d" + depth + "-w" + width + "-s" + seed), width, seed,
                            0.1 * depth + seed * 0.01, 20);
                    Path spec = run.resolve("spec.yaml");
                    Files.writeString(spec, Files.readString(spec).replace("depth: 2", "depth: " + depth));
                    mixed.add(RunReader.read(run));
                }
            }
        }
        Sweep s = Sweep.of(mixed);
        assertEquals(List.of("architecture.depth=2", "architecture.depth=3"), s.lines());
        assertEquals(4, s.points().size());
        SweepPoint p = s.line("architecture.depth=3").get(1);
        assertEquals("architecture.depth=3, width=128", p.label());
        assertEquals(0.315, p.stats("dynamics.movement").mean(), 1e-15);
        assertEquals(Math.sqrt(0.00005), p.stats("dynamics.movement").std(), 1e-15);
    }

    @Test
    void theMeanLossIsTakenOverTheStepsAllSeedsReached() {
        Curve mean = SweepPlots.meanLoss(Sweep.of(runs).points().get(1).finished());
        assertEquals(121, mean.size());
        assertEquals(10 * Math.pow(SyntheticRun.RATE, 120), mean.last(), 1e-12);
    }
}
