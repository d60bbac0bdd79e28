package org.overparam.launcher;

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
 * The assembled launcher running an experiment is terminated (SIGTERM, as Ctrl-C in a terminal): the
 * framework stops only after its run has stopped at a step boundary, so the run ends STOPPED with a
 * checkpoint and a result.json, and can be resumed.
 */
class ShutdownIT {
    private static final String SPEC = String.join("\n",
            "name: shutdown",
            "dataset: {name: sphere, n: 16, d: 8, target: teacher}",
            "architecture: {name: fc, width: 32}",
            "initializer: ntk",
            "loss: squared",
            "optimizer: {name: gd, lr: 0.1}",
            "stop: {maxSteps: 100000000}",
            "");

    @TempDir
    Path work;

    @Test
    void terminatingTheLauncherStopsItsRunWithACheckpoint() throws Exception {
        Path spec = Files.writeString(work.resolve("shutdown.yaml"), SPEC);
        Path runs = work.resolve("runs");
        Process p = start(spec, runs);
        Path folder = awaitSteps(runs, p);
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the launcher did not end within 60 s of SIGTERM");
        }
        String result = Files.readString(folder.resolve("result.json"), StandardCharsets.UTF_8);
        assertTrue(result.contains("\"status\": \"STOPPED\""), result);
        assertTrue(Files.isRegularFile(folder.resolve("checkpoint/checkpoint.bin")));
        String log = Files.readString(folder.resolve("run.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s).*step \\d+: stopped on request \\(the container is shutting down\\); checkpoint "
                + "written.*"), log);
        assertEquals(List.of(), Files.readAllLines(work.resolve("run.err")).stream()
                .filter(l -> l.contains("Exception")).toList());
    }

    private Path awaitSteps(Path runs, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("the run ended (exit " + p.exitValue() + ") before it could be terminated");
            }
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.list(runs)) {
                    Path folder = s.filter(Files::isDirectory).findFirst().orElse(null);
                    if (folder != null && Files.isRegularFile(folder.resolve("metrics.csv"))
                            && Files.size(folder.resolve("metrics.csv")) > 2000) {
                        return folder;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not take steps within 60 s");
    }

    private Process start(Path spec, Path runs) throws IOException {
        Path home = Path.of(System.getProperty(Distribution.HOME_PROPERTY));
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.addAll(List.of("-jar", home.resolve("lib").resolve("overparam-launcher.jar").toString(), "run",
                spec.toString(), "--runs", runs.toString()));
        ProcessBuilder b = new ProcessBuilder(args).directory(work.toFile())
                .redirectOutput(work.resolve("run.out").toFile()).redirectError(work.resolve("run.err").toFile());
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        b.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString()); // the kernel calibration: not the home folder
        return b.start();
    }
}
