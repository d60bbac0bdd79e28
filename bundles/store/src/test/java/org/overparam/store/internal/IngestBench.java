package org.overparam.store.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.MetricRow;

/**
 * The run store's ingest benchmark (not a unit test; run by {@code bench/run-store-ingest.sh}): what
 * the engine's writer thread ({@code StoreFeed}) pays per run and per metric row. Each run is what a
 * small run of the cluster bench hands the store: {@link H2RunStore#begin}, 3 batches of 500 steps x 2
 * metrics (3,000 rows), 2 artifacts and {@link H2RunStore#finish}. All runs go into one store in one
 * warm JVM; the first {@code WARM} runs are not counted. Reported: the median over the counted runs of
 * the calling thread's CPU time and the wall time of each phase, per run and per metric row, and the
 * process's CPU time per run (H2 may work on other threads). Then the fixed cost of a store that is
 * opened for the first time in a process: a new store object on a new folder, up to its first
 * registration.
 *
 * <p>Usage: {@code IngestBench DIR [RUNS] [WARM] [OPENS]}; DIR is emptied first.
 */
public final class IngestBench {
    private static final int BATCHES = 3;
    private static final int STEPS_PER_BATCH = 500;
    private static final String[] PHASES = {"begin", "append", "finish", "run"};

    private IngestBench() {
    }

    /**
     * @param args DIR [RUNS] [WARM] [OPENS]
     * @throws Exception if the store fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/store-ingest");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int opens = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        clear(dir);
        Path folder = Files.createDirectories(dir.resolve("runs"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<List<MetricRow>> batches = batches();
        int rowsPerRun = batches.stream().mapToInt(List::size).sum();
        double[][] cpu = new double[PHASES.length][runs - warm];
        double[][] wall = new double[PHASES.length][runs - warm];
        long processCpu = 0;
        long processWall = 0;
        H2RunStore store = Records.store();
        for (int i = 0; i < runs; i++) {
            String id = String.format(Locale.ROOT, "ingest-%05d", i);
            long p0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            store.begin(folder, Records.run(folder, id, 64, i % 4, i, "sweep-" + i / 16, Set.of()));
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            for (List<MetricRow> b : batches) {
                store.appendMetrics(folder, id, b);
            }
            long w2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            for (String a : List.of("artifacts/model.safetensors", "checkpoint/state.bin")) {
                store.addArtifact(folder, id, new ArtifactRecord(a, folder.resolve(id).resolve(a).toString(), 4096,
                        "0f".repeat(32)));
            }
            store.finish(folder, id, Records.outcome(RunStatus.CONVERGED, BATCHES * STEPS_PER_BATCH, 1e-7,
                    Map.of("train.loss", 1e-7, "optimizer.grad_norm", 2e-7)));
            long w3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            if (i >= warm) {
                int k = i - warm;
                long[] c = {c0, c1, c2, c3};
                long[] w = {w0, w1, w2, w3};
                for (int ph = 0; ph < 3; ph++) {
                    cpu[ph][k] = (c[ph + 1] - c[ph]) / 1e6;
                    wall[ph][k] = (w[ph + 1] - w[ph]) / 1e6;
                }
                cpu[3][k] = (c3 - c0) / 1e6;
                wall[3][k] = (w3 - w0) / 1e6;
                processCpu += p1 - p0;
                processWall += w3 - w0;
            }
        }
        store.close();
        int counted = runs - warm;
        System.out.printf(Locale.ROOT, "ingest: %d runs (%d warm-up not counted), each begin + %d batches (%d rows)"
                + " + 2 artifacts + finish, one store%n", runs, warm, BATCHES, rowsPerRun);
        for (int ph = 0; ph < PHASES.length; ph++) {
            System.out.printf(Locale.ROOT, "ingest: %-7s median thread CPU %7.2f ms  wall %7.2f ms%s%n", PHASES[ph],
                    median(cpu[ph]), median(wall[ph]), ph == 1 ? String.format(Locale.ROOT,
                            "  (%.2f us CPU, %.2f us wall per row)", median(cpu[ph]) * 1e3 / rowsPerRun,
                            median(wall[ph]) * 1e3 / rowsPerRun) : "");
        }
        System.out.printf(Locale.ROOT, "ingest: process CPU per run %.2f ms (mean; wall %.2f ms)%n",
                processCpu / 1e6 / counted, processWall / 1e6 / counted);
        System.out.printf(Locale.ROOT, "ingest: store file %.1f MB for %d runs%n",
                Files.size(folder.resolve(StoreLocation.FILE_NAME)) / 1e6, runs);
        opens(dir, opens, threads);
    }

    /** Times a first registration in a new store object on a new folder: the fixed cost per store. */
    private static void opens(Path dir, int n, ThreadMXBean threads) throws Exception {
        if (n == 0) {
            return;
        }
        double[] cpu = new double[n];
        double[] wall = new double[n];
        for (int i = 0; i < n + 3; i++) {
            Path folder = Files.createDirectories(dir.resolve("open-" + i));
            H2RunStore store = Records.store();
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            store.begin(folder, Records.run(folder, "first", 64, 0, 0, "", Set.of()));
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            store.close();
            if (i >= 3) {
                cpu[i - 3] = (c1 - c0) / 1e6;
                wall[i - 3] = (w1 - w0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "open: new store on a new folder + first begin (%d, 3 warm-up):"
                + " median thread CPU %.2f ms  wall %.2f ms%n", n, median(cpu), median(wall));
    }

    private static List<List<MetricRow>> batches() {
        List<List<MetricRow>> out = new ArrayList<>();
        double loss = 1;
        for (int b = 0; b < BATCHES; b++) {
            List<MetricRow> rows = new ArrayList<>();
            for (int s = b * STEPS_PER_BATCH; s < (b + 1) * STEPS_PER_BATCH; s++) {
                rows.add(new MetricRow(s, "train.loss", loss));
                rows.add(new MetricRow(s, "optimizer.grad_norm", 2 * loss));
                loss *= 0.99;
            }
            out.add(rows);
        }
        return out;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * @param dir a folder to delete with everything in it, if it exists
     * @throws java.io.IOException if it cannot be deleted
     */
    static void clear(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
