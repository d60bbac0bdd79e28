package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunStatus;

/** A sweep running two runs at once, through the {@code sweep} command with a runner that blocks. */
class SweepRunsTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptStopsEveryActiveRunAndStartsNoOther() throws Exception {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        t.command.cores(2);
        CountDownLatch bothActive = new CountDownLatch(2);
        t.runner.status = s -> {
            bothActive.countDown();
            try {
                Thread.sleep(60_000);
                return RunStatus.CONVERGED;
            } catch (InterruptedException e) {
                return RunStatus.STOPPED;
            }
        };
        Path file = t.file();
        Fakes.Captured io = new Fakes.Captured(false);
        int[] code = {-1};
        Thread sweep = new Thread(() -> code[0] = t.command.execute(List.of(file.toString()), o -> dir.resolve("runs"),
                io.terminal));
        sweep.start();
        assertTrue(bothActive.await(30, TimeUnit.SECONDS), "two runs at once");
        sweep.interrupt();
        sweep.join(30_000);
        assertFalse(sweep.isAlive());
        assertEquals(CommandLine.FAILED, code[0]);
        assertEquals(Set.of("8/0", "8/1"), Set.copyOf(t.runner.ran), "the first two points ran, no other started");
        List<String> rows = io.out().lines().filter(l -> l.matches("\\d+ .*") && !l.contains("sweep folder")).toList();
        assertEquals(4, rows.size(), io.out());
        assertTrue(rows.get(0).contains("STOPPED") && rows.get(1).contains("STOPPED"), io.out());
        assertTrue(rows.get(2).contains("not run") && rows.get(3).contains("not run"), io.out());
        assertTrue(io.err().contains("sweep stopped; continue it with: overparam sweep --resume "), io.err());
    }

    @Test
    void aStoppedRunLetsTheOtherActiveRunFinishAndStartsNoOtherPoint() throws Exception {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        t.command.cores(2);
        Fakes.Captured io = new Fakes.Captured(false);
        t.runner.status = s -> {
            // 8/0 stops once 8/1 runs; 8/1 ends once the sweep has printed 8/0's line (after it stopped the sweep)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && (s.seed() == 0 ? !t.runner.ran.contains("8/1")
                    : !io.err().contains(": STOPPED"))) {
                sleep();
            }
            return s.seed() == 0 ? RunStatus.STOPPED : RunStatus.CONVERGED;
        };
        assertEquals(CommandLine.FAILED, t.command.execute(List.of(t.file().toString()), o -> dir.resolve("runs"),
                io.terminal));
        assertEquals(Set.of("8/0", "8/1"), Set.copyOf(t.runner.ran));
        List<String> rows = io.out().lines().filter(l -> l.matches("\\d+ .*") && !l.contains("sweep folder")).toList();
        assertEquals(List.of("STOPPED", "CONVERGED", "not", "not"),
                rows.stream().map(l -> l.split(" +")[3]).toList(), io.out());
        assertTrue(io.err().contains("sweep stopped; continue it with: overparam sweep --resume "), io.err());
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
