package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A width sweep of a net written as layers ({@code architecture: {name: serial, layers: [...]}}):
 * the width is the widest dense layer, the swept key inside the layers does not split the points
 * into lines, and {@code kernel.distance} is plotted against the width on log-log axes.
 */
class SerialSweepTest {
    @TempDir
    Path sweep;

    private void write(int width, long seed, double distance) throws Exception {
        Path dir = SyntheticRun.write(sweep.resolve("w" + width + "-s" + seed), width, seed, 0.1, 20);
        String spec = Files.readString(dir.resolve("spec.yaml")).replace("""
                architecture:
                  name: fc
                  depth: 2
                  width: %d
                """.formatted(width), """
                architecture:
                  name: serial
                  layers:
                  - dense: %d
                  - relu
                  - residual: {tau: 0.5, branch: [{dense: {width: 16, bias: false}}, relu, {dense: 16}]}
                  readout: true
                """.formatted(width)).replace("analyzers:\n", "analyzers:\n- name: kernel\n  label: kernel\n  every: 0\n");
        Files.writeString(dir.resolve("spec.yaml"), spec, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.csv"), Files.readString(dir.resolve("metrics.csv"))
                + "0,kernel.distance," + 2 * distance + "\n20,kernel.distance," + distance + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void theWidestDenseLayerIsTheWidthAndTheDistanceIsPlottedAgainstIt() throws Exception {
        for (long s = 1; s <= 2; s++) {
            write(64, s, 0.4 * s);
            write(1024, s, 0.1 * s);
        }
        List<RunData> runs = new ArrayList<>();
        for (Path p : SweepFinder.runs(sweep)) {
            runs.add(RunReader.read(p));
        }
        Sweep s = Sweep.of(runs);
        assertEquals(List.of(""), s.lines());
        assertEquals(List.of(64.0, 1024.0), s.points().stream().map(SweepPoint::width).toList());
        double[] finals = s.points().get(0).finals("kernel.distance", v -> v);
        assertEquals(Math.sqrt(0.4 * 0.8), SeedStats.logSpread(finals)[0], 1e-15, "the geometric mean over seeds");
        String html = Files.readString(new ReportService().report(sweep), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"plots/kernel-distance-vs-width.png\""));
        assertEquals(Charts.WIDTH, Files2.png(sweep.resolve("plots/kernel-distance-vs-width.png")).getWidth());
        assertTrue(html.contains("log-log axes"), "the distance is positive: log-log axes");
    }
}
