package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.StopRule;

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
    void metricsThatDoNotApplyAreWordsAndStepsToTargetNamesItsTarget() {
        Fakes.Captured c = new Fakes.Captured(false);
        RunResult r = new RunResult("t-1", RunStatus.COMPLETED, 200, 2e-3, null,
                Map.of("dyn.steps_to_target", Double.NaN, "dyn.movement.u", Double.NaN, "dyn.rate", 0.99),
                "completed 200 steps; loss 2.000e-03");
        Summary.print(Fakes.spec(), r, 1_000_000_000L, c.terminal.out());
        assertEquals("""
                status      COMPLETED  (completed 200 steps; loss 2.000e-03)
                steps       200 of 200
                train loss  2.000e-03
                wall time   1.0 s
                run folder  -
                metrics (latest):
                  dyn.movement.u       n/a
                  dyn.rate             0.99
                  dyn.steps_to_target  not reached  (target 1e-06, stop.targetLoss)
                """, c.out());
    }

    @Test
    void theAnalyzersOwnTargetWinsAndWithoutAnyTheDefaultIsNamed() {
        RunSpec base = Fakes.spec();
        AnalyzerRef own = new AnalyzerRef(new ComponentRef(ComponentKind.ANALYZER, "dynamics",
                Config.of(Map.of("target", 1e-5)), ""), "dyn", 10);
        RunResult r = new RunResult("t-1", RunStatus.COMPLETED, 200, 2e-3, null, Map.of("dyn.steps_to_target", 120.0), "");
        Fakes.Captured c = new Fakes.Captured(false);
        Summary.print(new RunSpec("t", 0, base.components(), List.of(), List.of(own), new StopRule(200, 1e-6),
                List.of(), "", "t.yaml"), r, 0, c.terminal.out());
        assertTrue(c.out().endsWith("  dyn.steps_to_target  120  (target 1e-05, dyn.target)\n"), c.out());
        Fakes.Captured none = new Fakes.Captured(false);
        Summary.print(new RunSpec("t", 0, base.components(), List.of(), base.analyzers(), new StopRule(200, 0),
                List.of(), "", "t.yaml"), r, 0, none.terminal.out());
        assertTrue(none.out().endsWith("  dyn.steps_to_target  120  (target 1e-06, the analyzer's default)\n"),
                none.out());
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
        assertEquals("n/a", Formats.metric("a.movement.u", Double.NaN));
        assertEquals("not reached", Formats.metric("a.steps_to_target", Double.NaN));
        assertEquals("0.5", Formats.metric("a.steps_to_target", 0.5));
        assertEquals("0.5", Formats.number(0.5));
        assertEquals("0.0123", Formats.number(0.0123));
        assertEquals("-2.5e-07", Formats.number(-2.5e-7));
        assertEquals("1.235e+20", Formats.number(1.2345e20));
        assertEquals("42", Formats.number(42));
    }
}
