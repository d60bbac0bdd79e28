package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunStatus;

/** The block of lines of a parallel sweep on a terminal: one line per active run, then the total. */
class ProgressBoardTest {
    private static final String K = "\033[K";
    private static final String J = "\033[J";

    @Test
    void eachActiveRunHasALineAndPlainLinesGoAboveTheBlock() {
        Fakes.Captured c = new Fakes.Captured(true);
        Object a = new Object();
        Object b = new Object();
        ProgressBoard board = new ProgressBoard(c.terminal.err(), () -> "T", new Object());
        board.draw(a, "A1");
        board.draw(b, "B1");
        board.println("note");
        board.remove(a);
        board.close();
        assertEquals("A1" + K + "\nT" + K + "\n" + J
                + "\033[2F" + "A1" + K + "\nB1" + K + "\nT" + K + "\n" + J
                + "\033[3F" + J + "note\n" + "A1" + K + "\nB1" + K + "\nT" + K + "\n" + J
                + "\033[3F" + "B1" + K + "\nT" + K + "\n" + J
                + "\033[2F" + J, c.err());
    }

    @Test
    void aParallelSweepsTotalCountsTheActiveRunsAndTheirFractions() {
        long[] clock = {0};
        Fakes.Captured c = new Fakes.Captured(true);
        SweepProgress s = new SweepProgress(c.terminal.err(), true, () -> clock[0], 4, 120).parallel();
        Progress p1 = s.run(0, "width=64");
        Progress p2 = s.run(1, "width=128");
        p1.onEvent(new RunEvent(RunEvent.Type.STARTED, "r1", 0, 100, 1, Map.of(), ""));
        p2.onEvent(new RunEvent(RunEvent.Type.STARTED, "r2", 0, 100, 1, Map.of(), ""));
        clock[0] += 10_000_000_000L;
        p1.onEvent(new RunEvent(RunEvent.Type.PROGRESS, "r1", 50, 100, 0.5, Map.of(), ""));
        p2.onEvent(new RunEvent(RunEvent.Type.PROGRESS, "r2", 50, 100, 0.5, Map.of(), ""));
        // two halves of runs in 10 s: one run per 10 s, three left
        assertEquals("sweep 0/4 done, 2 running, 25% ETA 0:30", s.total());
        p1.finish();
        s.finished(0, RunStatus.COMPLETED);
        // 1.5 runs in 10 s, 2.5 left: 16.7 s
        assertEquals("sweep 1/4 done, 1 running, 37% ETA 0:17", s.total());
        p2.finish();
        s.finished(1, RunStatus.FAILED);
        s.end();
        String err = c.err();
        assertTrue(err.contains("run 2/4 width=128: FAILED\n"), err);
        assertTrue(err.endsWith("sweep: 4 runs, 1 not converged or completed; 10.0 s\n"), err);
        assertTrue(err.contains("run 2/4  [===============>              ]  50%  step 50/100  loss 5.000e-01"
                + "  5.00 steps/s  ETA 0:10\033[K\nsweep 0/4 done, 2 running, 25% ETA 0:30\033[K\n"), err);
    }
}
