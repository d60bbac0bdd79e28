package org.overparam.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.RunStore;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.folder.RunFolder;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.UnreadableJars;
import org.overparam.engine.runfolder.ResultJson;
import org.overparam.engine.runfolder.RunFileNames;

/**
 * {@code resume RUN}: checks a run folder and continues its run from the checkpoint. In order, each
 * failure an {@link InvalidInputException} that leaves the folder as it was: the folder holds a
 * {@code spec.yaml}; no process runs the run now (its {@link RunLock} is taken for the whole resume,
 * and a stop request left from before, which can only be stale then, is removed);
 * its {@code result.json}, if any, does not say it finished; its checkpoint, if any, reads whole
 * ({@link CheckpointFile}), was written for this {@code spec.yaml} (same SHA-256) and counts no more
 * of {@code metrics.csv} than the file holds; the spec reads. Then {@link Run#resume} sets the run
 * up again, restores the checkpoint, cuts {@code metrics.csv} (and the run store's rows, when a store
 * is given: {@link RunStore#truncateAfter} with step k - 1 for a checkpoint after k steps) back to the
 * checkpoint and goes on. A run without a checkpoint starts again from step 0
 * in its folder.
 */
final class Resume {

    private Resume() {
    }

    /**
     * @param registry the components
     * @param folder the run's folder
     * @param readSpec reads its spec.yaml
     * @param listener receives the run's events
     * @param missingWaitMillis how long to wait for a component that went away
     * @param store the run store whose rows to cut back, or {@code null}
     * @param active the engine's active runs, which the run joins
     * @param jars the jars of plugins/ that are not readable bundles
     * @param hashes the engine's cache of jar hashes
     * @return how the run ended
     * @throws InvalidInputException as the class says
     */
    static RunResult resume(ComponentRegistry registry, Path folder, Function<Path, RunSpec> readSpec,
                            RunListener listener, long missingWaitMillis, RunStore store,
                            ActiveRuns active, UnreadableJars jars, JarHashes hashes) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder.toString(), "no such run folder");
        }
        Path specFile = folder.resolve("spec.yaml");
        if (!Files.isRegularFile(specFile)) {
            throw new InvalidInputException(folder.toString(), "not a run folder (it has no spec.yaml)");
        }
        RunFolder runFolder = RunFolder.existing(folder);
        String id = runFolder.id();
        Path lockFile = folder.resolve(RunLock.FILE);
        byte[] lockBefore = bytes(lockFile);
        String lastOwner = lockBefore == null ? "" : new String(lockBefore, StandardCharsets.UTF_8).strip();
        RunLock lock = active.locks().acquire(folder, id);
        try (lock) {
            return checkedResume(registry, folder, readSpec, listener, missingWaitMillis, store, runFolder, id,
                    lastOwner, active, jars, hashes);
        } catch (InvalidInputException e) {
            restore(lockFile, lockBefore);
            throw e;
        }
    }

    /** The checks and the resume, with the folder's lock held (see the class comment). */
    private static RunResult checkedResume(ComponentRegistry registry, Path folder, Function<Path, RunSpec> readSpec,
                                           RunListener listener, long missingWaitMillis, RunStore store,
                                           RunFolder runFolder, String id, String lastOwner, ActiveRuns active,
                                           UnreadableJars jars, JarHashes hashes) {
        RunLock.clearStopRequest(folder);
        String result = text(folder);
        String status = ResultJson.status(result);
        if (status != null && isFinished(status)) {
            long steps = ResultJson.steps(result);
            throw new InvalidInputException(folder.toString(), "run " + id + " has already finished ("
                    + status + (steps >= 0 ? " after " + steps + " steps" : "") + "); nothing to resume");
        }
        Path specFile = folder.resolve("spec.yaml");
        String sha = sha(specFile);
        Path file = CheckpointFile.in(folder);
        Checkpoint from = Files.exists(file) ? CheckpointFile.read(file) : null;
        if (from != null) {
            check(from, sha, folder, file, id);
            from = from.withHistories(MetricStore.histories(folder.resolve(RunFileNames.METRICS), from.metricsBytes()));
        }
        RunSpec spec = readSpec.apply(specFile);
        long steps = from == null ? 0 : from.steps();
        Runnable cutStore = store == null ? () -> { } : () -> truncate(store, folder, id, steps);
        Path runs = folder.toAbsolutePath().normalize().getParent();
        return new Run(registry, spec, runs, listener, missingWaitMillis).withStore(store).withContainer(active, jars, hashes)
                .resume(runFolder, from, sha, cutStore, previousEnd(lastOwner, result));
    }

    private static void check(Checkpoint from, String sha, Path folder, Path file, String id) {
        if (!from.specSha().equals(sha)) {
            throw new InvalidInputException(file.toString(), "a checkpoint from another spec: it was written for a "
                    + "spec.yaml with SHA-256 " + from.specSha().substring(0, Math.min(12, from.specSha().length()))
                    + "..., run " + id + "'s spec.yaml has " + sha.substring(0, 12) + "...");
        }
        if (from.status().isFinished()) {
            throw new InvalidInputException(folder.toString(), "run " + id + " has already finished (" + from.status()
                    + " after " + from.steps() + " steps, says its checkpoint; result.json is missing); nothing to resume");
        }
        Path metrics = folder.resolve("metrics.csv");
        long have;
        try {
            have = Files.size(metrics);
        } catch (IOException e) {
            throw new InvalidInputException(metrics.toString(), "cannot read metrics.csv, which the checkpoint continues: "
                    + e.getMessage());
        }
        if (have < from.metricsBytes()) {
            throw new InvalidInputException(metrics.toString(), "has " + have + " bytes, fewer than the "
                    + from.metricsBytes() + " the checkpoint after " + from.steps() + " steps counts; it was cut or "
                    + "replaced");
        }
    }

    /** Deletes the store's rows of steps k and above (those the resumed run records again). */
    private static void truncate(RunStore store, Path folder, String id, long steps) {
        Path runs = folder.toAbsolutePath().normalize().getParent();
        try {
            store.truncateAfter(runs, id, steps - 1);
        } catch (InvalidInputException e) {
            // The run is not in this store (it ran without one): there is nothing to cut back.
        }
    }

    /**
     * @param lastOwner the content of run.lock before this resume took it (the last process's id, or empty)
     * @param result the text of result.json (empty when there is none)
     * @return a line for run.log saying how the previous process ended the run
     */
    static String previousEnd(String lastOwner, String result) {
        String who = "the previous process" + (lastOwner.matches("\\d+") ? " (" + lastOwner + ")" : "");
        String status = ResultJson.status(result);
        if (status == null) {
            return who + " ended without finishing the run (no result.json): it was killed, ran out of memory, or"
                    + " the machine lost power";
        }
        String why = ResultJson.message(result);
        return who + " ended the run " + status + (why.isBlank() ? "" : ": " + why);
    }

    private static boolean isFinished(String status) {
        try {
            return RunStatus.valueOf(status).isFinished();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String sha(Path specFile) {
        try {
            return CheckpointFile.sha256(specFile);
        } catch (IOException e) {
            throw new InvalidInputException(specFile.toString(), "cannot read the run's spec: " + e.getMessage());
        }
    }

    /** @return the file's bytes, or {@code null} if it does not exist or cannot be read */
    private static byte[] bytes(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Puts run.lock back as it was before a resume that was refused: nothing written. */
    private static void restore(Path lockFile, byte[] before) {
        try {
            if (before == null) {
                Files.deleteIfExists(lockFile);
            } else {
                Files.write(lockFile, before);
            }
        } catch (IOException e) {
            // the lock file only names the last process; a stale one is harmless
        }
    }

    private static String text(Path folder) {
        try {
            return ResultJson.read(folder);
        } catch (IOException e) {
            return "";
        }
    }
}
