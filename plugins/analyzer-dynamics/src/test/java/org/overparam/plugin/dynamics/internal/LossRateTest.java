package org.overparam.plugin.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.testkit.RecordingSink;

/** The fitted rate of log loss on exact geometric sequences, windows, and steps to a target. */
class LossRateTest {
    private static double[][] geometric(int count, double start, double ratio) {
        double[] steps = new double[count];
        double[] loss = new double[count];
        for (int t = 0; t < count; t++) {
            steps[t] = t;
            loss[t] = start * Math.pow(ratio, t);
        }
        return new double[][] {steps, loss};
    }

    @Test
    void anExactGeometricSequenceGivesItsRatioWithNoError() {
        RecordingSink out = new RecordingSink();
        LossRate.record(geometric(200, 3.0, 0.9), 0, 1e-6, out);
        assertEquals(0.9, out.scalars.get("rate"), 1e-13);
        assertEquals(Math.log(0.9), out.scalars.get("log_rate"), 1e-13);
        assertTrue(out.scalars.get("rate_stderr") < 1e-14, "stderr " + out.scalars.get("rate_stderr"));
        assertTrue(out.scalars.get("log_rate_stderr") < 1e-14);
        assertEquals(1.0, out.scalars.get("rate_r2"), 1e-13);
        // 3 * 0.9^t <= 1e-6 first at t = ceil(log(1e-6 / 3) / log(0.9)) = 142.
        assertEquals(142.0, out.scalars.get("steps_to_target"), 0);
    }

    @Test
    void theWindowFitsOnlyTheLatestValues() {
        double[][] h = geometric(60, 1.0, 0.5);
        for (int t = 40; t < 60; t++) {
            h[1][t] = h[1][39] * Math.pow(0.8, t - 39);
        }
        RecordingSink out = new RecordingSink();
        LossRate.record(h, 20, 1e-300, out);
        assertEquals(0.8, out.scalars.get("rate"), 1e-12);
        assertTrue(Double.isNaN(out.scalars.get("steps_to_target")), "target not reached");
        RecordingSink all = new RecordingSink();
        LossRate.record(h, 0, 1e-300, all);
        assertTrue(all.scalars.get("rate") < 0.8 && all.scalars.get("rate_r2") < 1.0);
    }

    @Test
    void stepsComeFromTheHistoryNotFromPositions() {
        double[][] h = {{0, 50, 100, 150}, {1, 0.1, 0.01, 0.001}};
        RecordingSink out = new RecordingSink();
        LossRate.record(h, 0, 0.05, out);
        assertEquals(100.0, out.scalars.get("steps_to_target"), 0);
        assertEquals(Math.pow(0.1, 1.0 / 50), out.scalars.get("rate"), 1e-13);
    }

    @Test
    void tooFewUsableValuesGiveNaN() {
        double[][] h = {{0, 1, 2, 3}, {1, 0, Double.NaN, 0.5}};
        RecordingSink out = new RecordingSink();
        LossRate.record(h, 0, 1e-6, out);
        assertTrue(Double.isNaN(out.scalars.get("rate")));
        assertTrue(Double.isNaN(out.scalars.get("rate_stderr")));
        assertTrue(Double.isNaN(out.scalars.get("rate_r2")));
        assertEquals(1.0, out.scalars.get("steps_to_target"), 0, "a zero loss reaches any target");
    }
}
