package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps of the assembled distribution running several runs at once ({@code sweep FILE --parallel 2}):
 * every run's metrics.csv is byte for byte that of the serial sweep ({@code --parallel 1}); and a
 * parallel sweep terminated (SIGTERM, as Ctrl-C) while two runs are active leaves both STOPPED with a
 * checkpoint, and {@code sweep --resume} then ends the sweep with every run's metrics.csv byte for byte
 * that of the uninterrupted serial sweep.
 */
class ParallelSweepIT {
    private static final String SPEC = String.join("\n",
            "name: par",
            "dataset: {name: sphere, n: 16, d: 8, target: teacher}",
            "architecture: {name: fc, width: 16}",
            "initializer: ntk",
            "loss: squared",
            "optimizer: {name: sgd, lr: 0.05, batchSize: 4}",
            "stop: {maxSteps: %d}",
            "sweep:",
            "  architecture.width: [%s]",
            "  seeds: 2",
            "");

    @TempDir
    Path work;

    @Test
    void aParallelSweepRecordsExactlyTheSerialSweepsMetrics() throws Exception {
        Path spec = Files.writeString(work.resolve("par.yaml"), SPEC.formatted(300, "8, 16, 32"));
        List<Path> serial = runs(sweep(spec, "serial", "--parallel", "1"));
        List<Path> parallel = runs(sweep(spec, "parallel", "--parallel", "2"));
        assertEquals(6, serial.size());
        assertSameMetrics(serial, parallel);
    }

    @Test
    void aParallelSweepTerminatedWhileTwoRunsAreActiveResumesToTheSerialSweepsMetrics() throws Exception {
        Path spec = Files.writeString(work.resolve("par.yaml"), SPEC.formatted(10000, "8, 16"));
        List<Path> serial = runs(sweep(spec, "serial", "--parallel", "1"));
        Path runsDir = work.resolve("stopped");
        Process p = launch(work.resolve("stopped.out"), "sweep", spec.toString(), "--runs", runsDir.toString(),
                "--parallel", "2");
        List<Path> active = awaitActive(runsDir, p);
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the launcher did not end within 60 s of SIGTERM");
        }
        for (Path run : active) {
            String result = Files.readString(run.resolve("result.json"), StandardCharsets.UTF_8);
            assertTrue(result.contains("\"status\": \"STOPPED\""), run + ": " + result);
            assertTrue(Files.isRegularFile(run.resolve("checkpoint/checkpoint.bin")), run.toString());
        }
        Path sweepDir = active.get(0).getParent();
        Process resumed = launch(work.resolve("resumed.out"), "sweep", "--resume", sweepDir.toString(),
                "--parallel", "2");
        assertTrue(resumed.waitFor(120, TimeUnit.SECONDS), "the resumed sweep did not end within 120 s");
        assertEquals(0, resumed.exitValue(), Files.readString(work.resolve("resumed.out.err")));
        assertSameMetrics(serial, runs(Files.readString(work.resolve("resumed.out"), StandardCharsets.UTF_8),
                sweepDir));
    }

    private static void assertSameMetrics(List<Path> expected, List<Path> actual) throws IOException {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(Files.readAllBytes(expected.get(i).resolve("metrics.csv")),
                    Files.readAllBytes(actual.get(i).resolve("metrics.csv")), "run " + (i + 1) + " of the sweep");
        }
    }

    /** Runs a sweep to its end in runs folder {@code name}; returns its standard output. */
    private String sweep(Path spec, String name, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--runs", work.resolve(name).toString()));
        args.addAll(List.of(options));
        Path out = work.resolve(name + ".out");
        Process p = launch(out, args.toArray(String[]::new));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the sweep did not end within 120 s");
        assertEquals(0, p.exitValue(), Files.readString(work.resolve(name + ".out.err")));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** The run folders of the sweep table in {@code out}, in the order of the sweep's points (finished before: {@code 3*}). */
    private static List<Path> runs(String out) {
        String folder = out.lines().filter(l -> l.contains("; sweep folder ")).findFirst().orElseThrow();
        return runs(out, Path.of(folder.substring(folder.indexOf("; sweep folder ") + 15)));
    }

    private static List<Path> runs(String out, Path sweepDir) {
        return out.lines().filter(l -> l.matches("\\d+\\*? .*") && !l.contains("; sweep folder ")).map(l -> sweepDir.resolve(l.substring(l.lastIndexOf(' ') + 1)))
                .toList();
    }

    /** Waits until two run folders of the sweep have recorded steps; returns them. */
    private static List<Path> awaitActive(Path runsDir, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("the sweep ended (exit " + p.exitValue() + ") before it could be terminated");
            }
            if (Files.isDirectory(runsDir)) {
                try (Stream<Path> s = Files.walk(runsDir, 2)) {
                    List<Path> active = s.filter(f -> Files.isRegularFile(f.resolve("metrics.csv")))
                            .filter(f -> size(f.resolve("metrics.csv")) > 4000).sorted().toList();
                    if (active.size() >= 2) {
                        return active;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("two runs of the sweep did not take steps within 60 s");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private Process launch(Path out, String... command) throws IOException {
        Path home = Path.of(System.getProperty(Distribution.HOME_PROPERTY));
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.addAll(List.of("-jar", home.resolve("lib").resolve("overparam-launcher.jar").toString()));
        args.addAll(List.of(command));
        ProcessBuilder b = new ProcessBuilder(args).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(Path.of(out + ".err").toFile());
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        return b.start();
    }
}
