package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;

/**
 * A reproduction suite folder (checks/ and run folders, as {@code overparam reproduce} leaves it) gets
 * its verdicts from the report service: verdicts.tsv, reproduction.md and a self-contained
 * reproduction.html with the figures inline.
 */
class ReproductionReportTest {
    @TempDir
    Path dir;

    @Test
    void aSuiteFolderGetsAVerdictPerCheckAndOneReportFromTheSameData() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("reproduce-quick-20261207-120000"));
        Path checks = Files.createDirectories(suite.resolve("checks"));
        Files.writeString(checks.resolve("synthetic.yaml"), """
                # a check
                #@ check: synthetic
                #@ claim: the loss falls linearly on a log scale and movement falls like m^-1/2
                #@ test: loglinear metric=train.loss from=10 r2=0.99 label=linear
                #@ test: exponent metric=dynamics.movement x=architecture.width in=[-0.65,-0.35]
                name: synthetic
                """, StandardCharsets.UTF_8);
        Files.writeString(checks.resolve("Z9.yaml"), """
                #@ check: Z9
                #@ claim: something this machine cannot run
                #@ not-testable: needs a GPU cluster
                """, StandardCharsets.UTF_8);
        Files.writeString(suite.resolve(ReproductionReport.OPTIONS), "--quick\n", StandardCharsets.UTF_8);
        for (int width : new int[] {64, 256, 1024}) {
            for (long seed = 1; seed <= 2; seed++) {
                SyntheticRun.write(suite.resolve("synthetic-" + width + "-" + seed), width, seed, seed / Math.sqrt(width), 120);
            }
        }
        Path page = new ReportService().report(suite);
        assertEquals(suite.resolve("reproduction.html"), page);
        List<String> tsv = Files.readAllLines(suite.resolve("verdicts.tsv"), StandardCharsets.UTF_8);
        assertEquals("check\tverdict\truns\tseconds\tnumbers", tsv.get(0));
        assertTrue(tsv.get(1).startsWith("Z9\tNOT TESTABLE HERE\t0\t0\tneeds a GPU cluster"), tsv.get(1));
        assertTrue(tsv.get(2).startsWith("synthetic\tHOLDS\t6\t9\t"), tsv.get(2));
        assertTrue(tsv.get(2).contains("b = -0.5 ± "), tsv.get(2));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"data:image/png;base64,"), "figures inline");
        assertTrue(html.contains("./overparam reproduce synthetic --quick"), "the command to rerun the check alone");
        assertTrue(Files.isRegularFile(suite.resolve("plots/synthetic-1.png")));
        assertTrue(Files.isRegularFile(suite.resolve("plots/synthetic-2.svg")));
        String md = Files.readString(suite.resolve("reproduction.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| synthetic | the loss falls linearly on a log scale and movement falls like m^-1/2 | **HOLDS** |"), md);
        assertTrue(md.contains(" | 6 (9 s) | "), md);
        assertTrue(md.contains("![synthetic](plots/synthetic-1.png)"), md);
    }

    @Test
    void aMalformedCheckLineNamesItsFileAndLine() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("s"));
        Path checks = Files.createDirectories(suite.resolve("checks"));
        Files.writeString(checks.resolve("B9.yaml"), "#@ check: B9\n#@ claim: c\n#@ tset: bound metric=m max=1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ReportService().report(suite));
        assertTrue(e.oneLine().contains("B9.yaml:3"), e.oneLine());
        assertTrue(e.oneLine().contains("unknown check key 'tset'"), e.oneLine());
        Files.writeString(checks.resolve("B9.yaml"), "#@ check: B9\n#@ claim: c\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> new ReportService().report(suite)).oneLine()
                .contains("needs a '#@ test: ...'"));
    }
}
