package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustered sweeps of the assembled distribution on 127.0.0.1: a coordinator and two workers (three
 * member processes) run a 24-run sweep with every run once in the coordinator's sweep folder and run
 * store, each run's metrics.csv byte for byte that of the same sweep run locally; a worker killed with
 * SIGKILL while it holds a claimed run loses nothing (its run is resumed from its shipped checkpoint or
 * restarted elsewhere) and duplicates nothing; bad cluster input (an unreachable coordinator, a wrong
 * secret, a port in use) is one line and exit code 2. Every process is killed at the end.
 */
class ClusterSweepIT {
    private static final String SPEC = String.join("\n",
            "name: cl",
            "dataset: {name: sphere, n: 16, d: 8, target: teacher}",
            "architecture: {name: fc, width: 16}",
            "initializer: ntk",
            "loss: squared",
            "optimizer: {name: sgd, lr: 0.05, batchSize: 4}",
            "stop: {maxSteps: %d}",
            "checkpoint: {every: 100}",
            "sweep:",
            "  architecture.width: [%s]",
            "  seeds: %d",
            "");
    private static final long WAIT_SECONDS = 150;
    private static final int STEPS = 8000;
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void threeMembersRunEveryRunOnceAndRecordTheLocalSweepsMetrics() throws Exception {
        Path spec = Files.writeString(work.resolve("cl.yaml"), SPEC.formatted(150, "8, 16, 32, 64", 6));
        Process local = launch(work.resolve("local.out"), "sweep", spec.toString(), "--runs",
                work.resolve("local").toString(), "--parallel", "2");
        int port = 5911;
        Process coordinator = launch(work.resolve("coord.out"), "sweep", spec.toString(), "--runs",
                work.resolve("cluster").toString(), "--cluster", "--port", Integer.toString(port), "--members", "3",
                "--parallel", "1");
        Process w1 = worker(port, "w1");
        Process w2 = worker(port, "w2");
        await(local, "local");
        await(coordinator, "coord");
        assertTrue(w1.waitFor(60, TimeUnit.SECONDS) && w2.waitFor(60, TimeUnit.SECONDS), "the workers did not leave");
        List<Path> expected = runs(Files.readString(work.resolve("local.out")));
        List<Path> actual = runs(Files.readString(work.resolve("coord.out")));
        assertEquals(24, actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(Files.readAllBytes(expected.get(i).resolve("metrics.csv")),
                    Files.readAllBytes(actual.get(i).resolve("metrics.csv")), "run " + (i + 1));
        }
        assertEquals(24, runFolders(actual.get(0).getParent()), "run folders in the sweep folder");
        assertEquals(24, storedRuns(actual.get(0).getParent()), "runs of the sweep in the coordinator's store");
        String coordErr = Files.readString(work.resolve("coord.out.err"));
        assertTrue(workersRan(coordErr, coordinator.pid()) > 0, "no run ran on a worker:\n" + coordErr);
    }

    @Test
    void aWorkerKilledWhileItHoldsARunLosesNothingAndBadInputIsOneLine() throws Exception {
        Path spec = Files.writeString(work.resolve("cl.yaml"), SPEC.formatted(STEPS, "16, 32", 3));
        int port = 5921;
        Process coordinator = launch(work.resolve("coord.out"), "sweep", spec.toString(), "--runs",
                work.resolve("cluster").toString(), "--cluster", "--port", Integer.toString(port), "--members", "3",
                "--parallel", "1");
        Process victim = worker(port, "w1");
        Process w2 = worker(port, "w2");
        Process bad1 = launch(work.resolve("bad1.out"), "worker", "--join", "127.0.0.1:1", "--runs",
                work.resolve("bad").toString());
        Process bad2 = launch(work.resolve("bad2.out"), "worker", "--join", "127.0.0.1:" + port, "--secret", "wrong",
                "--port", "5931", "--runs", work.resolve("bad").toString());
        Path scratch = awaitCheckpoint(work.resolve("w1"), victim, run -> true, 1500);
        victim.destroyForcibly();
        assertTrue(victim.waitFor(10, TimeUnit.SECONDS));
        Process bad3 = launch(work.resolve("bad3.out"), "sweep", spec.toString(), "--cluster", "--port",
                Integer.toString(port), "--runs", work.resolve("bad").toString());
        assertBadInput(bad1, "bad1", "cannot reach the coordinator at 127.0.0.1:1");
        assertBadInput(bad2, "bad2", "refused this member");
        String refusals = Files.readString(work.resolve("coord.out.err")).lines()
                .filter(l -> l.startsWith("cluster: refused the member at ")).reduce("", (x, y) -> x + y + "\n");
        assertEquals(1, refusals.lines().count(), "the coordinator logs a refused member in one line:\n" + refusals);
        assertTrue(refusals.contains(":5931: its cluster name or secret differs"), refusals);
        assertBadInput(bad3, "bad3", "cannot listen on 127.0.0.1:" + port);

        await(coordinator, "coord");
        assertTrue(w2.waitFor(60, TimeUnit.SECONDS), "the worker did not leave");
        List<Path> actual = runs(Files.readString(work.resolve("coord.out")));
        assertEquals(6, actual.size());
        for (Path run : actual) {
            assertEquals(STEPS + 1, Files.readAllLines(run.resolve("metrics.csv")).stream()
                    .filter(l -> l.contains(",train.loss,")).count(), run + ": one train.loss row per step");
        }
        assertEquals(6, runFolders(actual.get(0).getParent()), "run folders in the sweep folder");
        assertEquals(6, storedRuns(actual.get(0).getParent()), "runs of the sweep in the coordinator's store");
        assertTrue(scratch.toString().contains("cluster-worker-" + victim.pid()));
        assertTrue(Files.isRegularFile(scratch.getParent().resolve(".overparam-no-store"))
                && !Files.exists(scratch.getParent().resolve("overparam-store.mv.db")),
                "the worker's scratch folder keeps no run store (the coordinator records its runs)");
        Path killed = actual.get(0).getParent().resolve(scratch.getFileName());
        assertTrue(Files.readString(killed.resolve("run.log")).contains("resumed from its checkpoint"),
                "the killed worker's run was not resumed from its shipped checkpoint");
    }

    @Test
    void aCoordinatorStoppedMidSweepIsContinuedBySweepResume() throws Exception {
        // Three times the steps of the other tests: a worker's run must still be under way when the stop reaches
        // it, 3 s after its first checkpoint reached the coordinator (members record into no store of their own
        // and run STEPS steps in a few seconds). The 3 s let the coordinator record the rows shipped by then:
        // it records the members' shipments one after another, each taking up to about a second while its
        // code is cold on a loaded 2-core machine.
        int steps = 3 * STEPS;
        Path spec = Files.writeString(work.resolve("cl.yaml"), SPEC.formatted(steps, "16, 32", 2));
        int port = 5941;
        Process coordinator = launch(work.resolve("coord.out"), "sweep", spec.toString(), "--runs",
                work.resolve("cluster").toString(), "--cluster", "--port", Integer.toString(port), "--members", "3",
                "--parallel", "1");
        Process w1 = worker(port, "w1");
        Process w2 = worker(port, "w2");
        // a worker's run (the coordinator's own run, which starts first, ends STOPPED with a result.json and is
        // not one of the runs checked below)
        Path shipped = awaitCheckpoint(work.resolve("cluster"), coordinator, ClusterSweepIT::ranOnAWorker, 3000);
        coordinator.destroy();
        assertTrue(coordinator.waitFor(60, TimeUnit.SECONDS), "the coordinator did not stop on SIGTERM");
        assertTrue(w1.waitFor(60, TimeUnit.SECONDS) && w2.waitFor(60, TimeUnit.SECONDS), "the workers did not stop");
        String workers = Files.readString(work.resolve("w1.out.err")) + Files.readString(work.resolve("w2.out.err"));
        assertTrue(workers.contains("stopped at a step boundary"), workers);
        Path sweepDir = shipped.getParent();
        List<Path> cut = checkpointedUnfinished(sweepDir);
        assertTrue(!cut.isEmpty(), "no run was stopped mid-way with a checkpoint on the coordinator");
        assertRowsOfUnfinishedRunsStored(sweepDir);
        Process resume = launch(work.resolve("resume.out"), "sweep", "--resume", sweepDir.toString(), "--parallel", "2");
        await(resume, "resume");
        String resumed = Files.readString(work.resolve("resume.out"));
        List<Path> runs = runs(resumed);
        assertEquals(4, runs.size(), resumed + Files.readString(work.resolve("resume.out.err")));
        for (Path run : runs) {
            assertEquals(steps + 1, Files.readAllLines(run.resolve("metrics.csv")).stream()
                    .filter(l -> l.contains(",train.loss,")).count(), run + ": one train.loss row per step");
        }
        for (Path run : cut) {
            assertTrue(Files.readString(run.resolve("run.log")).contains("resumed from its checkpoint"),
                    run + ": checkpointed on a member, not continued from its checkpoint");
        }
    }

    @Test
    void aWorkerWithAnotherJarOfAPinnedPluginInstallsThePinnedOneFirst() throws Exception {
        Path home = Path.of(System.getProperty(Distribution.HOME_PROPERTY));
        Path copy = work.resolve("dist2");
        copyTree(home, copy);
        Path jar = copy.resolve("plugins").resolve("overparam-plugin-optim-sgd.jar");
        withExtraEntry(jar);
        String pinned = sha256(home.resolve("plugins").resolve("overparam-plugin-optim-sgd.jar"));
        String other = sha256(jar);
        assertTrue(!pinned.equals(other));
        Path spec = Files.writeString(work.resolve("cl.yaml"), SPEC.formatted(200, "16", 2));
        int port = 5951;
        Process coordinator = launch(work.resolve("coord.out"), "sweep", spec.toString(), "--runs",
                work.resolve("cluster").toString(), "--cluster", "--port", Integer.toString(port), "--members", "2",
                "--parallel", "0");
        Process w = launch(copy, work.resolve("w1.out"), "worker", "--join", "127.0.0.1:" + port, "--port",
                Integer.toString(port + 1), "--parallel", "1", "--runs", work.resolve("w1").toString());
        await(coordinator, "coord");
        assertTrue(w.waitFor(60, TimeUnit.SECONDS), "the worker did not leave");
        assertEquals(pinned, sha256(jar), "the worker's jar is not the pinned one");
        List<Path> runs = runs(Files.readString(work.resolve("coord.out")));
        assertEquals(2, runs.size());
        for (Path run : runs) {
            String provenance = Files.readString(run.resolve("provenance.json"));
            assertTrue(provenance.contains(pinned) && !provenance.contains(other), provenance);
        }
    }

    /**
     * A plugin jar swapped in the coordinator's plugins folder mid-sweep goes to the worker, which installs it;
     * the runs then take it as in a local sweep: those before the swap have the old jar, the run under way at
     * the swap may switch at a step boundary, and every later run starts with the new one.
     */
    @Test
    void aPluginSwappedOnTheCoordinatorMidSweepGoesToTheWorkerAndTheRunsAfterIt() throws Exception {
        Path home = Path.of(System.getProperty(Distribution.HOME_PROPERTY));
        Path coordHome = work.resolve("dist-coord");
        Path workerHome = work.resolve("dist-worker");
        copyTree(home, coordHome);
        copyTree(home, workerHome);
        String jarName = "overparam-plugin-optim-sgd.jar";
        String old = sha256(home.resolve("plugins").resolve(jarName));
        Path changed = work.resolve("changed.jar");
        Files.copy(home.resolve("plugins").resolve(jarName), changed);
        withExtraEntry(changed);
        String now = sha256(changed);
        // 16,000 steps a run: the swap reaches the worker a few seconds after the first result (the coordinator's
        // file watch, the bundle update, the push), and 8 runs of 4,000 steps had all ended by then once members
        // recorded into no store of their own (CI: OOOOOOOO)
        Path spec = Files.writeString(work.resolve("cl.yaml"), SPEC.formatted(16000, "16", 8));
        int port = 5961;
        Process coordinator = launch(coordHome, work.resolve("coord.out"), "sweep", spec.toString(), "--runs",
                work.resolve("cluster").toString(), "--cluster", "--port", Integer.toString(port), "--members", "2",
                "--parallel", "0");
        Process w = launch(workerHome, work.resolve("w1.out"), "worker", "--join", "127.0.0.1:" + port, "--port",
                Integer.toString(port + 1), "--parallel", "1", "--runs", work.resolve("w1").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.readString(work.resolve("coord.out.err")).contains(" ran on ")) {
            assertTrue(System.nanoTime() < deadline && coordinator.isAlive(), "no run finished before the swap");
            Thread.sleep(50);
        }
        Path temp = coordHome.resolve("plugins").resolve("." + jarName + ".tmp");
        Files.copy(changed, temp);
        Files.move(temp, coordHome.resolve("plugins").resolve(jarName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        await(coordinator, "coord");
        assertTrue(w.waitFor(60, TimeUnit.SECONDS), "the worker did not leave");
        String coordErr = Files.readString(work.resolve("coord.out.err"));
        assertTrue(coordErr.contains("swapped here: now org.overparam.plugin.optim.sgd@"), coordErr);
        assertEquals(now, sha256(workerHome.resolve("plugins").resolve(jarName)), "the worker's jar is not the new one");
        List<Path> runs = runs(Files.readString(work.resolve("coord.out")));
        assertEquals(8, runs.size());
        StringBuilder seen = new StringBuilder();
        for (Path run : runs) {
            String provenance = Files.readString(run.resolve("provenance.json"));
            boolean hasOld = provenance.contains(old);
            boolean hasNew = provenance.contains(now);
            seen.append(hasOld && hasNew ? 'S' : hasNew ? 'N' : hasOld ? 'O' : '?');
        }
        assertTrue(seen.toString().matches("O+S?N+"), "runs by jar (O old, S swapped under way, N new): " + seen);
    }

    /** One line on standard error, exit code 2, nothing written under bad/. */
    private void assertBadInput(Process p, String name, String expected) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not end");
        String err = Files.readString(work.resolve(name + ".out.err")).strip();
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), err);
        if (Files.isDirectory(work.resolve("bad"))) {
            try (Stream<Path> s = Files.walk(work.resolve("bad"))) {
                assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), name + " wrote files");
            }
        }
    }

    private Process worker(int port, String name) throws IOException {
        return launch(work.resolve(name + ".out"), "worker", "--join", "127.0.0.1:" + port, "--port",
                Integer.toString(port + 1), "--parallel", "1", "--runs", work.resolve(name).toString());
    }

    private void await(Process p, String name) throws Exception {
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), name + " did not end within " + WAIT_SECONDS + " s");
        assertEquals(0, p.exitValue(), Files.readString(work.resolve(name + ".out.err")));
    }

    /**
     * Waits until a run folder under {@code runs} (not in a hidden folder) that {@code which} accepts holds a
     * checkpoint, then {@code settleMillis} more; returns the folder's parent.
     */
    private static Path awaitCheckpoint(Path runs, Process p, Predicate<Path> which, long settleMillis)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Optional<Path> cp = findCheckpoint(runs, which);
            if (cp.isPresent()) {
                Thread.sleep(settleMillis);
                return cp.get().getParent().getParent();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the worker wrote no checkpoint within " + WAIT_SECONDS + " s");
    }

    /** @return whether the run of a folder ran in a worker's scratch folder (its run.log's first line says where) */
    private static boolean ranOnAWorker(Path run) {
        try (Stream<String> lines = Files.lines(run.resolve("run.log"))) {
            return lines.findFirst().filter(l -> l.contains("/cluster-worker-")).isPresent();
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The first {@code checkpoint/checkpoint.bin} under {@code runs} in a run folder that {@code which} accepts,
     * not looking into hidden folders. Members create and delete hidden overlay folders while the sweep runs,
     * so a folder that vanishes between listing and visiting is skipped instead of failing the walk (a plain
     * Files.walk threw NoSuchFileException on CI).
     */
    private static Optional<Path> findCheckpoint(Path runs, Predicate<Path> which) throws IOException {
        Path suffix = Path.of("checkpoint", "checkpoint.bin");
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        Files.walkFileTree(runs, Set.of(), 4, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(runs) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.endsWith(suffix) && which.test(file.getParent().getParent())) {
                    found.add(file);
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream().findFirst();
    }

    /**
     * The coordinator's store holds the metric rows of a run that had not ended when it stopped (the rows
     * streamed as the run went; before streaming a run reached the store only at its end). Not necessarily of
     * each such run: one whose first rows were being recorded when the stop came is registered without rows
     * (the stop closes the store under the record), and sweep --resume records it again.
     */
    private void assertRowsOfUnfinishedRunsStored(Path sweepDir) throws Exception {
        Path out = work.resolve("runs-unfinished.out");
        Process p = launch(out, "runs", "sweep=" + sweepDir.getFileName(), "--limit", "0", "--runs",
                sweepDir.getParent().toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> unfinished = Files.readAllLines(out).stream().filter(l -> l.startsWith("cl-"))
                .map(l -> l.split(" ")[0]).filter(id -> !Files.exists(sweepDir.resolve(id).resolve("result.json")))
                .toList();
        assertTrue(!unfinished.isEmpty(), "no unfinished run in the store:\n" + Files.readString(out));
        StringBuilder shown = new StringBuilder();
        for (String id : unfinished) {
            Path file = work.resolve("show-" + id + ".out");
            Process show = launch(file, "show", id, "--runs", sweepDir.getParent().toString());
            assertTrue(show.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(file);
            if (text.contains("latest metrics") && text.lines().anyMatch(l -> l.startsWith("  train.loss "))) {
                return;
            }
            shown.append(text);
        }
        throw new AssertionError("no unfinished run with metric rows in the store:\n" + shown);
    }

    private long storedRuns(Path sweepDir) throws Exception {
        Path out = work.resolve("runs-" + sweepDir.getFileName() + ".out");
        Process p = launch(out, "runs", "sweep=" + sweepDir.getFileName(), "--limit", "0", "--runs",
                sweepDir.getParent().toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return Files.readAllLines(out).stream().filter(l -> l.startsWith("cl-")).map(l -> l.split(" ")[0])
                .distinct().count();
    }

    private static long runFolders(Path sweepDir) throws IOException {
        try (Stream<Path> s = Files.list(sweepDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("result.json"))).count();
        }
    }

    private static long workersRan(String err, long coordinatorPid) {
        return err.lines().filter(l -> l.contains(" ran on ") && !l.contains(" pid " + coordinatorPid + " ")).count();
    }

    /**
     * The runs of the sweep folder that have a checkpoint but no result: those a stop cut off mid-way. A
     * run may finish in the time between its first checkpoint and the stop; it is then not one of them.
     */
    private static List<Path> checkpointedUnfinished(Path sweepDir) throws IOException {
        try (Stream<Path> s = Files.list(sweepDir)) {
            return s.filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve("checkpoint").resolve("checkpoint.bin")))
                    .filter(d -> !Files.exists(d.resolve("result.json"))).toList();
        }
    }

    /** The run folders of a sweep table's rows, those finished by an earlier invocation ({@code 3*}) too. */
    private static List<Path> runs(String out) {
        String folder = out.lines().filter(l -> l.contains("; sweep folder ")).findFirst().orElseThrow();
        Path sweepDir = Path.of(folder.substring(folder.indexOf("; sweep folder ") + 15));
        return out.lines().filter(l -> l.matches("\\d+\\*? .*") && !l.contains("; sweep folder "))
                .map(l -> sweepDir.resolve(l.substring(l.lastIndexOf(' ') + 1))).toList();
    }

    private Process launch(Path out, String... command) throws IOException {
        return launch(Path.of(System.getProperty(Distribution.HOME_PROPERTY)), out, command);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Rewrites a jar with one more entry: another jar of the same bundle and version. */
    private static void withExtraEntry(Path jar) throws IOException {
        Path temp = jar.resolveSibling("rewritten.tmp");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(temp))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/another-build.txt"));
            out.write("not the pinned jar\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private Process launch(Path home, Path out, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Doverparam.linalg.threads=1"));
        if (Runtime.version().feature() >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.addAll(List.of("-jar", home.resolve("lib").resolve("overparam-launcher.jar").toString()));
        args.addAll(List.of(command));
        ProcessBuilder b = new ProcessBuilder(args).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(Path.of(out + ".err").toFile());
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        b.environment().remove("OVERPARAM_CLUSTER_SECRET");
        Process p = b.start();
        started.add(p);
        return p;
    }
}
