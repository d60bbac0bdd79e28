package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.w3c.dom.Document;

/**
 * A run report built from a synthetic run folder ({@link SyntheticRun}): every known metric gets its
 * plot as a PNG of the house size and an SVG that parses and draws each series, and report.html
 * shows each plot, the provenance and the final metrics. Headless (surefire sets java.awt.headless).
 */
class RunReportTest {
    static final String BLUE = "rgb(31,119,180)";
    static final String RED = "rgb(214,39,40)";
    @TempDir
    static Path tmp;
    static Path run;
    static String html;

    @BeforeAll
    static void report() throws Exception {
        run = SyntheticRun.write(tmp.resolve("synthetic-20261123-000000-abcd"), 256, 1, 0.05, 300);
        Path page = new ReportService().report(run);
        assertEquals(run.resolve("report.html"), page);
        html = Files.readString(page, StandardCharsets.UTF_8);
    }

    @Test
    void everyKnownMetricHasItsPlotInBothFormats() throws Exception {
        List<String> expected = List.of("loss", "ntk-eigenvalues", "ntk-movement", "dynamics-movement", "dynamics-flips",
                "dynamics.node_movement_vs_lambda.W1", "slices.random2d-step300", "hessian.density", "mystery.score",
                "mystery.curve");
        for (String plot : expected) {
            Path png = run.resolve("plots/" + plot + ".png");
            Path svg = run.resolve("plots/" + plot + ".svg");
            BufferedImage image = Files2.png(png);
            assertEquals(Charts.WIDTH, image.getWidth(), plot);
            assertEquals(plot.startsWith("slices") ? Charts.HEIGHT + 120 : Charts.HEIGHT, image.getHeight(), plot);
            assertTrue(Files.size(png) > 10_000, plot + " PNG has " + Files.size(png) + " bytes");
            Document doc = Files2.svg(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName(), plot);
            assertTrue(html.contains("src=\"plots/" + plot + ".png\""), plot + " is shown");
            assertTrue(html.contains("href=\"plots/" + plot + ".svg\""), plot + " links its SVG");
        }
    }

    @Test
    void theLossSvgDrawsTheLossAndTheFittedRate() throws Exception {
        Document doc = Files2.svg(run.resolve("plots/loss.svg"));
        // train.loss: the first palette colour, one element per segment of the thinned curve
        assertTrue(Files2.stroked(doc, BLUE) > 50, "train.loss segments: " + Files2.stroked(doc, BLUE));
        // the fit: black and dashed, at least one segment
        assertTrue(Files2.stroked(doc, "rgb(0,0,0)") >= 1);
        Document movement = Files2.svg(run.resolve("plots/dynamics-movement.svg"));
        assertTrue(Files2.stroked(movement, BLUE) >= 6, "dynamics.movement");
        assertTrue(Files2.stroked(movement, RED) >= 6, "dynamics.movement.W1");
    }

    @Test
    void longCurvesAreThinnedForTheSvg() throws Exception {
        double[] x = new double[100_001];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 20_000.0);
        }
        PlotWriter w = new PlotWriter(tmp.resolve("thin"));
        w.write("long", "long", "", max -> {
            org.knowm.xchart.XYChart c = Charts.xy("long", "step", "loss", false, true);
            Charts.line(c, "loss", x, y, max, true);
            return c;
        });
        int segments = Files2.stroked(Files2.svg(tmp.resolve("thin/long.svg")), BLUE);
        assertTrue(segments > 100 && segments < Downsample.SVG, "segments: " + segments);
        assertTrue(Files.size(tmp.resolve("thin/long.svg")) < 1_000_000, "SVG bytes: " + Files.size(tmp.resolve("thin/long.svg")));
    }

    @Test
    void theCaptionGivesTheRateOfTheAnalyzer() {
        // log_rate = ln 0.99 is given; the intercept is fitted on the last 100 steps: exact here
        assertTrue(html.contains("exp(b) = 0.990000 per step"), html);
        assertTrue(html.contains("dynamics.log_rate over the last 100 steps"));
    }

    @Test
    void thePageHoldsProvenanceSpecAndFinalMetrics() {
        assertTrue(html.contains("testhost"), "provenance.json");
        assertTrue(html.contains("abc123"), "jar hash from provenance.json");
        assertTrue(html.contains("<td>org.overparam.plugin.optim.gd</td><td>0.1.0.SNAPSHOT</td>"), "component from run.log");
        assertTrue(html.contains("setup_seconds"), "timings from result.json");
        assertTrue(html.contains("rateWindow: 100"), "the resolved spec");
        assertTrue(html.contains("<td>dynamics.movement</td><td class=\"num\">0.05</td>"), "final metrics");
        assertFalse(html.contains("<script"), "no JavaScript");
        assertFalse(html.contains("<link"), "no external style");
    }

    @Test
    void aSecondReportReplacesTheFirst() throws Exception {
        Path stale = run.resolve("plots/stale.png");
        Files.write(stale, new byte[] {1});
        new ReportService().report(run);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(run.resolve("plots/loss.png")));
    }

    @Test
    void aFolderWithoutRunsIsBadInput() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ReportService().report(empty));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> new ReportService().report(tmp.resolve("nope")));
        assertEquals("no such folder", missing.getMessage());
    }
}
