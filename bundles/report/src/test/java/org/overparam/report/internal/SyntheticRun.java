package org.overparam.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a run folder as the engine would (docs/runs.md), with known numbers: the training loss
 * {@code F(t) = 10 r^t} with {@code r = 0.99} for t = 0..steps, the dynamics analyzer's
 * {@code log_rate = ln r}, movement {@code c / sqrt(width) (1 - exp(-t/50))} (c depends on the seed),
 * flips, NTK eigenvalues and movement every 50 steps, a Hessian density, a 2D loss surface, per-node
 * movement against lambda_j, and a series of an unknown analyzer.
 */
final class SyntheticRun {
    static final double RATE = 0.99;

    private SyntheticRun() {
    }

    /**
     * @param dir the run folder to create
     * @param width the architecture width
     * @param seed the seed
     * @param finalMovement the dynamics.movement of the last step
     * @param steps the steps
     * @return the folder
     */
    static Path write(Path dir, int width, long seed, double finalMovement, int steps) throws IOException {
        Files.createDirectories(dir.resolve("series"));
        StringBuilder m = new StringBuilder("step,metric,value\n");
        for (int t = 0; t <= steps; t++) {
            m.append(t).append(",train.loss,").append(10 * Math.pow(RATE, t)).append('\n');
            if (t % 50 == 0 || t == steps) {
                double grow = t == steps ? 1 : 1 - Math.exp(-t / 50.0);
                row(m, t, "dynamics.movement", finalMovement * grow);
                row(m, t, "dynamics.movement.W1", 2 * finalMovement * grow);
                row(m, t, "dynamics.flip", 0.1 * grow / Math.sqrt(width));
                row(m, t, "dynamics.log_rate", t < 10 ? Double.NaN : Math.log(RATE));
                row(m, t, "ntk.lambda_min", 0.5 + t * 1e-4);
                row(m, t, "ntk.lambda_max", 4 + t * 1e-3);
                row(m, t, "ntk.movement", 0.01 * grow);
                row(m, t, "mystery.score", 1 + t);
            }
        }
        Files.writeString(dir.resolve("metrics.csv"), m, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("spec.yaml"), """
                # Resolved experiment: every parameter, defaults included.
                name: synthetic
                seed: %d
                architecture:
                  name: fc
                  depth: 2
                  width: %d
                analyzers:
                - name: dynamics
                  label: dynamics
                  every: 50
                  rateWindow: 100
                - name: ntk
                  label: ntk
                  every: 50
                - name: hessian
                  label: hessian
                  every: 0
                - name: slices
                  label: slices
                  every: 0
                  range: 0.5
                stop:
                  maxSteps: %d
                """.formatted(seed, width, steps), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("result.json"), """
                {
                  "id": "%s",
                  "name": "synthetic",
                  "seed": %d,
                  "status": "COMPLETED",
                  "steps": %d,
                  "loss": %s,
                  "message": "completed",
                  "timings": {"setup_seconds": 0.1, "total_seconds": 1.5},
                  "metrics": {"dynamics.movement": %s, "train.loss": %s, "dynamics.steps_to_target": null}
                }
                """.formatted(dir.getFileName(), seed, steps, 10 * Math.pow(RATE, steps), finalMovement,
                10 * Math.pow(RATE, steps)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("provenance.json"), """
                {"host": "testhost", "blas": "JNIBLAS", "components": [
                  {"kind": "optimizer", "name": "gd", "bundle": "org.overparam.plugin.optim.gd", "sha256": "abc123"}]}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("run.log"), """
                2026-11-23 13:07:40.320 run synthetic started: synthetic, seed 1
                2026-11-23 13:07:40.324 optimizer gd (org.overparam.plugin.optim.gd 0.1.0.SNAPSHOT) {lr=0.02}
                2026-11-23 13:07:40.327 model: 1059840 parameters in [W1 1024x10]; frozen: none
                """, StandardCharsets.UTF_8);
        StringBuilder density = new StringBuilder("x,y\n");
        for (int i = 0; i <= 200; i++) {
            double x = -1 + i * 0.03;
            density.append(x).append(',').append(Math.exp(-x * x / 0.01) / Math.sqrt(Math.PI * 0.01)).append('\n');
        }
        Files.writeString(dir.resolve("series/hessian.density-step" + steps + ".csv"), density, StandardCharsets.UTF_8);
        StringBuilder surface = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                double a = -0.5 + i * 0.125;
                double b = -0.5 + j * 0.125;
                surface.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", 1 + a * a + 2 * b * b));
            }
            surface.append('\n');
        }
        Files.writeString(dir.resolve("series/slices.random2d-step" + steps + ".csv"), surface, StandardCharsets.UTF_8);
        StringBuilder nodes = new StringBuilder("x,y\n");
        for (int j = 1; j <= 50; j++) {
            nodes.append(1.0 / j).append(',').append(0.01 / j).append('\n');
        }
        Files.writeString(dir.resolve("series/dynamics.node_movement_vs_lambda.W1-step" + steps + ".csv"), nodes,
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("series/mystery.curve-step0.csv"), "x,y\n0,1\n1,2\n2,4\n", StandardCharsets.UTF_8);
        return dir;
    }

    private static void row(StringBuilder m, int t, String name, double v) {
        m.append(t).append(',').append(name).append(',').append(v).append('\n');
    }
}
