package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.run.RunEvent;

/** Progress lines with a fake clock that advances 10 ms per reading. */
class ProgressTest {
    final long[] clock = {0};

    static RunEvent event(RunEvent.Type type, long step, double loss, String message) {
        return new RunEvent(type, "r-1", step, 1000, loss, Map.of(), message);
    }

    void feed(Progress p) {
        p.onEvent(event(RunEvent.Type.STARTED, 0, 1, ""));
        for (long s = 1; s <= 250; s++) {
            p.onEvent(event(RunEvent.Type.PROGRESS, s, 1.0 / s, ""));
        }
        p.onEvent(event(RunEvent.Type.NOTICE, 250, 0.004, "optimizer gd updated to 1.1.0"));
        p.onEvent(event(RunEvent.Type.FINISHED, 255, 0.003, "reached the target loss"));
    }

    @Test
    void withoutATerminalOneLinePerTenthAndAtTheEnd() {
        Fakes.Captured c = new Fakes.Captured(false);
        feed(new Progress(c.terminal.err(), false, () -> clock[0] += 10_000_000L));
        // 1 step per 10 ms reading = 100 steps/s; 900 steps left = 9 s
        assertEquals(List.of(
                "run r-1: 1000 steps",
                "step 100/1000 (10%)  loss 1.000e-02  100 steps/s  ETA 0:09",
                "step 200/1000 (20%)  loss 5.000e-03  100 steps/s  ETA 0:08",
                "optimizer gd updated to 1.1.0",
                "step 255/1000 (25%)  loss 3.000e-03  102 steps/s  ETA 0:07"), c.errLines());
    }

    @Test
    void onATerminalOneBarRedrawnWithCarriageReturns() {
        Fakes.Captured c = new Fakes.Captured(true);
        Progress p = new Progress(c.terminal.err(), true, () -> clock[0] += 10_000_000L, 100, "", f -> "");
        feed(p);
        p.finish();
        String err = c.err();
        assertTrue(err.startsWith("run r-1: 1000 steps\n\r[>                             ]   0%  step 1/1000  loss 1.000e+00"),
                err);
        assertTrue(err.endsWith("\r[=======>                      ]  25%  step 255/1000  loss 3.000e-03  102 steps/s  ETA 0:07\n"),
                err);
        assertTrue(err.contains("\roptimizer gd updated to 1.1.0\n"), err);
        // redrawn at most every 100 ms (10 readings): 250 progress events give 25 draws (steps 1, 11, ..., 241),
        // the notice clears the line (2) and the end draws once
        long draws = err.chars().filter(ch -> ch == '\r').count();
        assertEquals(28, draws);
    }

    @Test
    void theSpeedLeavesOutTheWarmUpBeforeTheFirstProgress() {
        Fakes.Captured c = new Fakes.Captured(false);
        // the run starts at 0 s; step 1 (with the analyses at step 0) ends at 10 s; then 10 ms per step
        long[] times = {0, 10_000_000_000L};
        int[] reading = {0};
        Progress p = new Progress(c.terminal.err(), false, () -> reading[0] < 2 ? times[reading[0]++]
                : times[1] + 10_000_000L * (reading[0]++ - 1), 100, "", f -> "");
        p.onEvent(event(RunEvent.Type.STARTED, 0, 1, ""));
        for (long s = 1; s <= 100; s++) {
            p.onEvent(event(RunEvent.Type.PROGRESS, s, 1.0 / s, ""));
        }
        // at step 100: 99 steps in 0.99 s since step 1 = 100 steps/s, 900 steps left = 9 s
        assertEquals("step 100/1000 (10%)  loss 1.000e-02  100 steps/s  ETA 0:09", c.errLines().get(1));
    }
}
