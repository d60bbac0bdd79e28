package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.linalg.Linalg;

/**
 * The {@code calibrate} command: no arguments; prints the table with one row per operation and
 * shape class and writes the cache (into target/, set by the build), or exits 2 with the reason
 * when there is nothing to choose between (no OpenBLAS, or a JVM without the Vector API).
 */
class CalibrateCommandTest {
    final CommandLine cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(),
            new SwapStaleCommandTest.Swapper(), () -> 0L, name -> null);
    final Fakes.Captured io = new Fakes.Captured(false);

    @Test
    void argumentsAreRefused() {
        assertEquals(2, cli.execute(List.of("calibrate", "now"), io.terminal));
        assertTrue(io.err().contains("takes no arguments; usage: overparam calibrate"), io.err());
    }

    @Test
    void printsTheChosenTableOrWhyNot() throws Exception {
        boolean choosable = Linalg.isNative() && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        int code = cli.execute(List.of("calibrate"), io.terminal);
        if (choosable) {
            assertEquals(0, code, io.err());
            List<String> lines = io.out().lines().toList();
            assertTrue(lines.get(0).startsWith("kernels now: native OpenBLAS"), io.out());
            assertTrue(lines.get(1).startsWith("operation"), io.out());
            for (String shape : List.of("dgemm.small", "dgemm.medium", "dgemm.large", "sgemm", "syrk")) {
                assertEquals(1, lines.stream().filter(l -> l.startsWith(shape + " ")
                        && (l.endsWith(" java") || l.endsWith(" native"))).count(), io.out());
            }
            Path cache = Path.of(System.getProperty("overparam.linalg.cache"), "linalg-calibration.properties");
            assertTrue(Files.readString(cache).contains("\ndgemm.large="), io.out());
        } else {
            assertEquals(2, code, io.out());
            assertTrue(io.err().contains("nothing to calibrate"), io.err());
        }
    }
}
