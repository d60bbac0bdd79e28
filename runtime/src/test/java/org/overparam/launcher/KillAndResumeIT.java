package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of checkpoints, kept across processes: a real run of the assembled distribution
 * ({@code java -jar lib/overparam-launcher.jar run FILE --runs DIR}) killed with SIGKILL
 * ({@link Process#destroyForcibly()}) once it has written a checkpoint and recorded rows past it, then
 * continued by {@code resume RUN} in a new process, ends exactly as the same spec run without a break:
 * metrics.csv byte for byte, the final checkpoint byte for byte (the parameters' bits, the optimizer's
 * and analyzer's states and random positions), the series files, and result.json but for its id and
 * times. The run mixes mini-batch SGD (a random stream), a switch to heavy ball (a velocity state) at
 * step 1600 and the dynamics analyzer (its own state) every 200 steps, with a checkpoint every 400.
 * Between the kill and the resume, {@code runs} and {@code show} list the run as INTERRUPTED with the
 * command that continues it, and the resumed run's log says how the killed process ended.
 * Then, through the command line: resuming the finished run says so and exits with 0; a checkpoint
 * beside a spec.yaml it was not written for is one line and exit code 2.
 */
class KillAndResumeIT {
    private static final String SPEC = String.join("\n",
            "name: killresume",
            "seed: 5",
            "dataset: {name: sphere, n: 32, d: 8, target: teacher}",
            "architecture: {name: fc, depth: 2, width: 64}",
            "initializer: ntk",
            "loss: squared",
            "optimizer: {name: sgd, lr: 0.05, batchSize: 8}",
            "switch:",
            "  - {at: 1600, optimizer: {name: heavy-ball, lr: 0.02, momentum: 0.5}}",
            "analyzers:",
            "  - {name: dynamics, every: 200}",
            "checkpoint: {every: 400}",
            "stop: {maxSteps: 4000}",
            "");
    private static final long MAX_STEPS = 4000;
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path work;

    @Test
    void aRunKilledWithSigkillAndResumedEndsBitForBitAsAnUninterruptedRun() throws Exception {
        Path spec = Files.writeString(work.resolve("kill.yaml"), SPEC);
        Path whole = work.resolve("whole");
        assertEquals(0, finish(start("whole", "run", spec.toString(), "--runs", whole.toString())));
        Path expected = onlyRun(whole);

        Path broken = work.resolve("broken");
        Process victim = start("killed", "run", spec.toString(), "--runs", broken.toString());
        long[] at = awaitRowsPastACheckpoint(broken, victim);
        victim.destroyForcibly();
        assertTrue(victim.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        Path folder = onlyRun(broken);
        assertFalse(Files.exists(folder.resolve("result.json")), "killed before its end");
        assertTrue(at[0] > 0 && at[0] < MAX_STEPS, "killed after the checkpoint at step " + at[0]);
        String id = folder.getFileName().toString();
        String hint = "its process is gone (killed, out of memory or power lost); continue it with 'overparam resume "
                + id + "'";
        assertEquals(0, finish(start("listed", "runs", "--runs", broken.toString())));
        List<String> listed = Files.readAllLines(work.resolve("listed.out"));
        assertTrue(listed.get(1).startsWith(id + "  INTERRUPTED "), listed.toString());
        assertEquals(id + " INTERRUPTED: " + hint, listed.get(listed.size() - 1));
        assertEquals(0, finish(start("shown", "show", id, "--runs", broken.toString())));
        assertTrue(Files.readString(work.resolve("shown.out")).contains("\nstatus     INTERRUPTED  " + hint + "\n"));

        assertEquals(0, finish(start("resumed", "resume", folder.toString())));
        assertTrue(Files.readString(folder.resolve("run.log"), StandardCharsets.UTF_8).contains("the previous process ("
                + victim.pid() + ") ended without finishing the run (no result.json): it was killed, ran out of memory,"
                + " or the machine lost power\n"));

        for (String file : List.of("metrics.csv", "checkpoint/checkpoint.bin")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(folder.resolve(file)),
                    file + " differs from the uninterrupted run's");
        }
        List<String> series = files(expected.resolve("series"));
        assertEquals(series, files(folder.resolve("series")));
        assertFalse(series.isEmpty());
        for (String f : series) {
            assertEquals(-1L, Files.mismatch(expected.resolve("series").resolve(f), folder.resolve("series").resolve(f)), f);
        }
        String result = timeless(folder);
        assertEquals(timeless(expected), result);
        assertTrue(result.contains("\"status\": \"COMPLETED\"") && result.contains("\"steps\": " + MAX_STEPS), result);
        String log = Files.readString(folder.resolve("run.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("resumed from its checkpoint after "), log);

        assertEquals(0, finish(start("again", "resume", folder.toString())), "a finished run: nothing to do");
        assertEquals("run " + folder.getFileName() + " has already finished (COMPLETED after " + MAX_STEPS
                + " steps); nothing to resume", Files.readString(work.resolve("again.out")).strip());
        Files.delete(folder.resolve("result.json"));
        Files.writeString(folder.resolve("spec.yaml"), SPEC.replace("seed: 5", "seed: 6"));
        assertEquals(2, finish(start("foreign", "resume", folder.toString())));
        List<String> err = Files.readAllLines(work.resolve("foreign.err"));
        assertEquals(1, err.size(), err.toString());
        assertTrue(err.get(0).startsWith("overparam: " + folder.resolve("checkpoint").resolve("checkpoint.bin")
                + ": a checkpoint from another spec: "), err.get(0));
    }

    /**
     * Waits until the run has a checkpoint and metrics.csv holds bytes past the length the checkpoint
     * counts (rows the resume must cut).
     *
     * @return the checkpoint's steps and metrics length
     */
    private static long[] awaitRowsPastACheckpoint(Path runs, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("the run ended (exit " + p.exitValue() + ") before it could be killed; make it longer");
            }
            Path folder = Files.isDirectory(runs) ? firstFolder(runs) : null;
            long[] c = folder == null ? null : checkpointHeader(folder.resolve("checkpoint/checkpoint.bin"));
            if (c != null && Files.size(folder.resolve("metrics.csv")) > c[1]) {
                return c;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint with rows past it within " + WAIT_SECONDS + " s");
    }

    /**
     * @return the steps and metrics length at the start of a checkpoint's body (after the 8-byte magic
     *     and the version: string specSha, string status, long steps, long metricsBytes), or
     *     {@code null} if there is no checkpoint yet
     */
    private static long[] checkpointHeader(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            in.skipNBytes(12);
            in.skipNBytes(in.readInt());
            in.skipNBytes(in.readInt());
            return new long[] {in.readLong(), in.readLong()};
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Starts the distribution's launcher with the command, its output going to files, with the JVM
     * options the {@code overparam} script gives (native access; on JDK 23+ no warning about
     * sun.misc.Unsafe, which the framework uses).
     */
    private Process start(String name, String... command) throws IOException {
        Path home = Path.of(System.getProperty(Distribution.HOME_PROPERTY));
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.addAll(List.of("-jar", home.resolve("lib").resolve("overparam-launcher.jar").toString()));
        args.addAll(List.of(command));
        ProcessBuilder b = new ProcessBuilder(args).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile());
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        b.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString()); // the kernel calibration: not the home folder
        return b.start();
    }

    private int finish(Process p) throws InterruptedException {
        if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the process did not end within " + WAIT_SECONDS + " s");
        }
        return p.exitValue();
    }

    private static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> folders = s.filter(Files::isDirectory).toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0);
        }
    }

    private static Path firstFolder(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).findFirst().orElse(null);
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** @return the run's result.json without its id, start and end times and timings */
    private static String timeless(Path folder) throws IOException {
        return Files.readString(folder.resolve("result.json"), StandardCharsets.UTF_8)
                .replaceAll("\\s*\"id\": \"[^\"]*\",", "")
                .replaceAll("\\s*\"(started|finished)\": \"[^\"]*\",", "")
                .replaceAll("(?s)\\s*\"timings\": \\{[^}]*\\},", "");
    }
}
