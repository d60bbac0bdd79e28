package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunStatus;

/** A sweep's progress with a clock that only moves when the test moves it. */
class SweepProgressTest {
    final long[] clock = {0};

    static RunEvent event(RunEvent.Type type, long step, double loss) {
        return new RunEvent(type, "r", step, 100, loss, Map.of(), "");
    }

    @Test
    void theSweepEtaWeighsRunsEquallyAndLeavesSkippedRunsOut() {
        Fakes.Captured c = new Fakes.Captured(true);
        SweepProgress s = new SweepProgress(c.terminal.err(), true, () -> clock[0], 5, 120);
        s.skipped(0, "width=64 seed=1");
        s.run(1, "width=64 seed=2").finish();
        clock[0] += 60_000_000_000L;
        // one run done in 60 s, the next half done: 1.5 runs per 60 s, 4 to do in this session, 2.5 left
        s.finished(1, RunStatus.COMPLETED);
        s.run(2, "width=256 seed=1");
        assertEquals("sweep 50% ETA 1:40", s.suffix(0.5));
        assertEquals("sweep 0%", new SweepProgress(c.terminal.err(), true, () -> 0, 5, 120).suffix(0), "no time yet: no ETA");
    }

    @Test
    void withoutATerminalRunLinesCarryTheirPosition() {
        Fakes.Captured c = new Fakes.Captured(false);
        SweepProgress s = new SweepProgress(c.terminal.err(), false, () -> clock[0] += 10_000_000L, 2, 120);
        Progress p = s.run(0, "width=64");
        p.onEvent(event(RunEvent.Type.STARTED, 0, 1));
        for (long step = 1; step <= 100; step++) {
            p.onEvent(event(RunEvent.Type.PROGRESS, step, 1.0 / step));
        }
        p.finish();
        s.finished(0, RunStatus.DIVERGED);
        s.skipped(1, "width=128");
        s.end();
        List<String> lines = c.errLines();
        assertEquals("run 1/2 width=64", lines.get(0));
        assertEquals("run 1/2: run r: 100 steps", lines.get(1));
        assertEquals("run 1/2: step 10/100 (10%)  loss 1.000e-01  100 steps/s  ETA 0:01", lines.get(2));
        assertEquals("run 1/2: step 100/100 (100%)  loss 1.000e-02  100 steps/s", lines.get(11));
        assertEquals("run 1/2 width=64: DIVERGED", lines.get(12));
        assertEquals("run 2/2 width=128: finished before, skipped", lines.get(13));
        assertTrue(lines.get(14).startsWith("sweep: 2 runs, 1 skipped, 1 not converged or completed; "), lines.get(14));
        assertThrows(IllegalArgumentException.class, () -> new SweepProgress(c.terminal.err(), false, () -> 0, 0, 80));
    }

    @Test
    void onATerminalTheRunBarEndsWithTheSweep() {
        Fakes.Captured c = new Fakes.Captured(true);
        SweepProgress s = new SweepProgress(c.terminal.err(), true, () -> clock[0] += 1_000_000_000L, 4, 160);
        Progress p = s.run(0, "");
        p.onEvent(event(RunEvent.Type.STARTED, 0, 1));
        p.onEvent(event(RunEvent.Type.PROGRESS, 50, 0.5));
        p.finish();
        String err = c.err();
        assertTrue(err.contains("\rrun 1/4  [===============>              ]  50%  step 50/100  loss 5.000e-01  "
                + "50.0 steps/s  ETA 0:01  sweep 12% ETA 0:21"), err);
    }
}
