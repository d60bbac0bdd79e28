package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/**
 * What makes report plots readable: seeds summarized in log space on log axes (bars never below
 * zero), the rate shown as 1 - rate, x axes that end at the data, constant metrics in a table instead
 * of flat plots, the linearized prediction over the measured loss, and eigenvalues with their values.
 */
class ReadabilityTest {
    @Test
    void logSpreadIsTheGeometricMeanTimesOrOverExpOfTheLogsStandardDeviation() {
        double[] s = SeedStats.logSpread(new double[] {1e-6, 1e-4, Double.NaN});
        double sd = Math.log(100) / Math.sqrt(2); // ln values -6 ln10 and -4 ln10: sd = 2 ln10 / sqrt(2)
        assertEquals(1e-5, s[0], 1e-5 * 1e-12);
        assertEquals(1e-5 * Math.exp(-sd), s[1], 1e-5 * 1e-12);
        assertEquals(1e-5 * Math.exp(sd), s[2], 1e-5 * 1e-12);
        assertTrue(s[1] > 0, "never below zero");
        assertEquals(s[0] / s[1], s[2] / s[0], 1e-12, "symmetric on a log axis");
        double[] one = SeedStats.logSpread(new double[] {0.25});
        assertEquals(List.of(0.25, 0.25, 0.25), List.of(one[0], one[1], one[2]));
        assertNull(SeedStats.logSpread(new double[] {0.1, -0.1}), "a value not above zero: linear axis");
        assertNull(SeedStats.logSpread(new double[] {Double.NaN}));
    }

    @Test
    void theXAxisEndsAtTheDataAndIsLabelledBetweenDecades() {
        XYChart c = Charts.xy("t", "x", "y", true, true);
        c.addSeries("a", new double[] {128, 256, 512, 1024}, new double[] {1e-3, 5e-4, 2e-4, 1e-4});
        Charts.labelDecades(c);
        assertEquals(128.0, c.getStyler().getXAxisMin(), 0);
        assertEquals(1024.0, c.getStyler().getXAxisMax(), 0);
        assertFalse(c.getStyler().isXAxisLogarithmicDecadeOnly(), "labels at 200, 300, ... 1000");
        XYChart wide = Charts.xy("t", "x", "y", true, true);
        wide.addSeries("a", new double[] {1, 1e6}, new double[] {1, 2});
        Charts.labelDecades(wide);
        assertTrue(wide.getStyler().isXAxisLogarithmicDecadeOnly(), "six decades: powers of ten suffice");
    }

    @Test
    void constantMetricsGoToATableAndThePredictionIsOverlaidOnTheLoss(@TempDir Path dir) throws Exception {
        Path run = SyntheticRun.write(dir.resolve("run"), 256, 1, 0.1, 100);
        StringBuilder extra = new StringBuilder();
        for (int t = 0; t <= 100; t += 50) {
            extra.append(t).append(",bounds.depth,2\n").append(t).append(",ntk.points,64\n")
                    .append(t).append(",lin.predicted_loss,").append(10 * Math.pow(0.985, t)).append('\n');
        }
        Files.writeString(run.resolve("metrics.csv"), extra, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path spec = run.resolve("spec.yaml");
        Files.writeString(spec, Files.readString(spec).replace("stop:", """
                - name: linearized
                  label: lin
                  every: 50
                - name: bounds
                  label: bounds
                  every: 50
                stop:"""));
        RunData data = RunReader.read(run);
        assertEquals(java.util.Map.of("bounds.depth", 2.0, "ntk.points", 64.0, "dynamics.log_rate", Math.log(0.99)),
                GenericPlots.constants(data, new java.util.HashSet<>()));
        String html = Files.readString(RunReport.write(data), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2 id=\"constants\">Constant values</h2>"), html);
        assertTrue(html.contains("bounds.depth"));
        assertTrue(html.contains("not reached"), "dynamics.steps_to_target is null in result.json: not NaN");
        assertFalse(Files.exists(run.resolve("plots/bounds.depth.png")), "no flat plot");
        assertFalse(Files.exists(run.resolve("plots/lin.predicted_loss.png")), "the prediction is on the loss plot");
        assertTrue(Files2.stroked(Files2.svg(run.resolve("plots/loss.svg")), "rgb(255,127,14)") >= 1,
                "the prediction, dashed orange, on the loss plot");
        assertTrue(html.contains("Dashed orange: the loss the network linearized at initialization predicts"));
        XYChart eig = (XYChart) KernelAndWeightPlots.eigenvalues(List.of(data.metrics().get("ntk.lambda_min"),
                data.metrics().get("ntk.lambda_max")), new java.util.HashSet<>()).chart(100);
        assertEquals(List.of("ntk.lambda_min (last 0.51)", "ntk.lambda_max (last 4.1)"),
                List.copyOf(eig.getSeriesMap().keySet()), "each eigenvalue's last value in the legend");
        assertFalse(eig.getStyler().isYAxisLogarithmicDecadeOnly(), "the axis is labelled between decades");
    }

    @Test
    void theSweepShowsOneMinusTheRateAndLogSpaceBars(@TempDir Path sweep) throws Exception {
        double[] rates = {0.9, 0.99};
        List<RunData> runs = new ArrayList<>();
        for (int width : new int[] {64, 256}) {
            for (int seed = 1; seed <= 2; seed++) {
                Path run = SyntheticRun.write(sweep.resolve("w" + width + "-s" + seed), width, seed, 0.1 * seed, 20);
                String result = Files.readString(run.resolve("result.json"));
                Files.writeString(run.resolve("result.json"), result.replace("\"dynamics.steps_to_target\": null",
                        "\"dynamics.rate\": " + rates[seed - 1]));
                runs.add(RunReader.read(run));
            }
        }
        new ReportService().report(sweep);
        assertTrue(Files.exists(sweep.resolve("plots/one-minus-dynamics-rate-vs-width.png")));
        String html = Files.readString(sweep.resolve("report.html"), StandardCharsets.UTF_8);
        int at = html.indexOf("Loss decrease per step against width (1 - dynamics.rate)");
        assertTrue(at >= 0, html);
        assertTrue(html.indexOf("Geometric mean over seeds", at) > at && html.indexOf("log-log axes", at) > at,
                "1 - rate on a log axis, seeds in log space");
        // per width: 1 - rate over the seeds is 0.1 and 0.01: geometric mean 0.031623, bars 0.031623 / x exp(sd)
        double[] spread = SeedStats.logSpread(Sweep.of(runs).points().get(0).finals("dynamics.rate", r -> 1 - r));
        assertEquals(Math.sqrt(0.1 * 0.01), spread[0], 1e-15);
        assertEquals(Math.sqrt(0.1 * 0.01) * Math.exp(-Math.log(10) / Math.sqrt(2)), spread[1], 1e-15);
    }
}
