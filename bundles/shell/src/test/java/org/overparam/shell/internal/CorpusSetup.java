package org.overparam.shell.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.experiment.internal.YamlSpecReader;
import org.overparam.store.internal.H2RunStore;

/**
 * What a bad-input case finds before its command runs ({@code # setup: <what>} in its header), made
 * in the runs folder before the test takes its snapshot:
 * <ul>
 * <li>{@code run-folder}: the run folder {@value #RUN} with the case as its {@code spec.yaml} and a
 *     {@code metrics.csv} holding its header;</li>
 * <li>{@code checkpoint-garbage}, {@code checkpoint-truncated}: that folder with a checkpoint that is not
 *     one (text), or is cut after its magic and version;</li>
 * <li>{@code no-spec}: a folder {@value #RUN} with a {@code metrics.csv} and no {@code spec.yaml};</li>
 * <li>{@code run-running}: the run folder, its {@code run.lock} held by another process ({@code {pid}});</li>
 * <li>{@code sweep-running}: a sweep folder {@code sw} with the case's manifest, its {@code sweep.lock}
 *     held by this process;</li>
 * <li>{@code store-with-a-run}: the runs folder's run store, holding the run {@value #RUN}.</li>
 * </ul>
 */
final class CorpusSetup implements AutoCloseable {
    /** The run folder's name. */
    static final String RUN = "bad-20261207-120000-0001";
    private final Path runs;
    private Process holder;
    private SweepLock sweepLock;
    /** The sweep-lock table the case's command line shares with {@code sweep-running}'s held lock. */
    final SweepLocks sweepLocks = new SweepLocks();
    private H2RunStore store;

    private CorpusSetup(Path runs) {
        this.runs = runs;
    }

    /**
     * @param what the setup's name, or empty for none
     * @param file the case's file
     * @param runs the runs folder
     * @return the setup, made
     * @throws IOException if it cannot be made
     */
    static CorpusSetup of(String what, Path file, Path runs) throws IOException {
        CorpusSetup s = new CorpusSetup(runs);
        Path run = runs.resolve(RUN);
        switch (what) {
            case "" -> {
            }
            case "run-folder" -> s.runFolder(file);
            case "checkpoint-garbage" -> Files.writeString(Files.createDirectories(s.runFolder(file)
                    .resolve("checkpoint")).resolve("checkpoint.bin"), "not a checkpoint\n");
            case "checkpoint-truncated" -> Files.write(Files.createDirectories(s.runFolder(file).resolve("checkpoint"))
                    .resolve("checkpoint.bin"), ByteBuffer.allocate(20).put("OPCKPT\r\n".getBytes(StandardCharsets.US_ASCII))
                    .putInt(2).putLong(7).array());
            case "no-spec" -> Files.writeString(Files.createDirectories(run).resolve("metrics.csv"),
                    "step,metric,value\n");
            case "run-running" -> s.hold(s.runFolder(file));
            case "sweep-running" -> {
                Path sweep = Files.createDirectories(runs.resolve("sw"));
                Files.writeString(sweep.resolve(SweepFolder.MANIFEST), new YamlSpecReader(new CorpusRegistry())
                        .expand(file, List.of(), List.of()).manifest());
                s.sweepLock = s.sweepLocks.acquire(sweep);
            }
            case "store-with-a-run" -> s.store().begin(runs, new RunRecord(RUN, "bad", run, "name: bad\n", 1,
                    Map.of("seed", "1"), Set.of(), "", "", Instant.parse("2026-12-07T12:00:00Z"), Provenance.unknown()));
            default -> throw new IllegalArgumentException("unknown setup '" + what + "'");
        }
        return s;
    }

    /** @return the process that holds a lock of the setup, as the messages name it */
    String pid() {
        return Long.toString(holder != null ? holder.pid() : ProcessHandle.current().pid());
    }

    /** @return the real run store, opened on first use */
    RunStore store() {
        if (store == null) {
            H2RunStore.Config config = (H2RunStore.Config) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {H2RunStore.Config.class}, (p, m, a) -> m.getName().equals("overparam_store_url")
                            ? "" : m.getDefaultValue());
            store = new H2RunStore(config);
        }
        return store;
    }

    private Path runFolder(Path file) throws IOException {
        Path run = Files.createDirectories(runs.resolve(RUN));
        Files.copy(file, run.resolve("spec.yaml"));
        Files.writeString(run.resolve("metrics.csv"), "step,metric,value\n");
        return run;
    }

    private void hold(Path folder) throws IOException {
        holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldRunLock.class.getName(), folder.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"locked".equals(line)) {
            throw new IOException("the lock holder said " + line);
        }
    }

    @Override
    public void close() {
        if (sweepLock != null) {
            sweepLock.close();
        }
        if (store != null) {
            store.close();
        }
        if (holder != null) {
            holder.destroyForcibly();
            try {
                holder.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
