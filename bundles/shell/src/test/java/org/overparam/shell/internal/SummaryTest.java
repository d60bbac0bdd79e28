package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;

class SummaryTest {
    @Test
    void statusStepsLossTimeFolderAndAnalyzerMetrics() {
        Fakes.Captured c = new Fakes.Captured(false);
        RunResult r = new RunResult("t-1", RunStatus.CONVERGED, 1234, 9.87e-8, Path.of("runs", "t-1"),
                Map.of("train.loss", 9.87e-8, "dyn.weight_change", 0.012345, "dyn.flipped", 3.0,
                        "dyn.lambda_min", 1.5e-9, "other.x", 1.0), "reached the target loss");
        Summary.print(Fakes.spec(), r, 125_400_000_000L, c.terminal.out());
        assertEquals("""
                status      CONVERGED  (reached the target loss)
                steps       1234 of 200
                train loss  9.870e-08
                wall time   2 min 05 s
                run folder  runs/t-1
                metrics (latest):
                  dyn.flipped        3
                  dyn.lambda_min     1.5e-09
                  dyn.weight_change  0.01235
                """.replace("runs/t-1", Path.of("runs", "t-1").toString()), c.out());
    }

    @Test
    void formats() {
        assertEquals("12.3 s", Formats.duration(12_345_000_000L));
        assertEquals("1 h 02 min", Formats.duration(3_725_000_000_000L));
        assertEquals("1:02:05", Formats.clock(3725));
        assertEquals("0:59", Formats.clock(59.4));
        assertEquals("850", Formats.rate(850.2));
        assertEquals("0.42", Formats.rate(0.4201));
        assertEquals("-1.000e+00", Formats.loss(-1));
        assertEquals("NaN", Formats.number(Double.NaN));
        assertEquals("0.5", Formats.number(0.5));
        assertEquals("0.0123", Formats.number(0.0123));
        assertEquals("-2.5e-07", Formats.number(-2.5e-7));
        assertEquals("1.235e+20", Formats.number(1.2345e20));
        assertEquals("42", Formats.number(42));
    }
}
