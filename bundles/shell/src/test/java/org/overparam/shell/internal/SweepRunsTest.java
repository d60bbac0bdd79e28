package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.RunStatus;

/** A sweep running two runs at once, through the {@code sweep} command with a runner that blocks or estimates. */
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

    @Test
    void severalRunsAtOnceStartLargestFirstAndTheTableKeepsThePointsOrder() throws Exception {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        t.command.cores(2);
        t.runner.cost = s -> OptionalDouble.of(
                ((Number) s.component(ComponentKind.ARCHITECTURE).config().get("width")).doubleValue());
        CountDownLatch largeActive = new CountDownLatch(2);
        t.runner.status = s -> {
            if (t.runner.ran.get(t.runner.ran.size() - 1).startsWith("16/")) {
                largeActive.countDown();
            }
            try {
                // the two width-16 runs are active together before either ends: the first two started
                return ((Number) s.component(ComponentKind.ARCHITECTURE).config().get("width")).intValue() == 16
                        && !largeActive.await(30, TimeUnit.SECONDS) ? RunStatus.FAILED : RunStatus.CONVERGED;
            } catch (InterruptedException e) {
                return RunStatus.STOPPED;
            }
        };
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(CommandLine.OK, t.command.execute(List.of(t.file().toString()), o -> dir.resolve("runs"),
                io.terminal), io.err());
        assertEquals(Set.of("16/0", "16/1"), Set.copyOf(t.runner.ran.subList(0, 2)), t.runner.ran.toString());
        assertEquals(Set.of("8/0", "8/1"), Set.copyOf(t.runner.ran.subList(2, 4)), t.runner.ran.toString());
        List<String> rows = io.out().lines().filter(l -> l.matches("\\d+ .*") && !l.contains("sweep folder")).toList();
        assertEquals(List.of("1 8 0", "2 8 1", "3 16 0", "4 16 1"),
                rows.stream().map(l -> String.join(" ", List.of(l.split(" +")).subList(0, 3))).toList(), io.out());
    }

    @Test
    void oneRunAtATimeKeepsTheSweepsOrderWhateverTheEstimates() throws Exception {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        t.runner.cost = s -> OptionalDouble.of(
                ((Number) s.component(ComponentKind.ARCHITECTURE).config().get("width")).doubleValue());
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(CommandLine.OK, t.command.execute(List.of(t.file().toString(), "--parallel", "1"),
                o -> dir.resolve("runs"), io.terminal), io.err());
        assertEquals(List.of("8/0", "8/1", "16/0", "16/1"), t.runner.ran);
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
