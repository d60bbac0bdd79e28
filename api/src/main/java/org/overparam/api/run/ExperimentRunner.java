package org.overparam.api.run;

import java.nio.file.Path;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/** Runs experiments in the container, and continues or stops runs by their folder. */
@ProviderType
public interface ExperimentRunner {
    /**
     * Runs one experiment to its end on the calling thread, writing its spec, metrics and artifacts
     * to a new folder under {@code runsDirectory}.
     *
     * @param spec the validated experiment
     * @param runsDirectory where run folders go (created if missing)
     * @param listener receives progress events
     * @return how it ended (FAILED with the message if a component threw)
     * @throws InvalidInputException if a component rejects its parameters or the data's shape before
     *     the first step; nothing is left on disk then
     */
    RunResult run(RunSpec spec, Path runsDirectory, RunListener listener);

    /**
     * Continues a stopped, failed or killed run in its own folder on the calling thread, from its last
     * checkpoint ({@link CheckpointRule}), or from its first step when it has none, to the result an
     * uninterrupted run gives: the same parameters bit for bit, the same {@code metrics.csv} byte for
     * byte (rows recorded after the checkpoint are cut before the run goes on, so every row is written
     * once) and the same {@code result.json} apart from timings. The exact semantics are in
     * {@code docs/runs.md}. The default refuses.
     *
     * @param runFolder a folder {@link #run} wrote (it holds {@code spec.yaml})
     * @param readSpec reads the folder's {@code spec.yaml} (given its path) into a validated spec, e.g.
     *     {@code file -> reader.read(file, List.of())}; called once the folder and its checkpoint have
     *     been checked. The components are taken from the spec by name; the checkpoint is matched
     *     against the SHA-256 of the file's bytes.
     * @param listener receives progress events
     * @return how it ended
     * @throws InvalidInputException if the folder holds no run, the run is running now (in this or
     *     another process), has already finished, or its checkpoint is corrupt, truncated or from
     *     another spec; nothing is changed on disk then
     * @throws UnsupportedOperationException if this runner does not resume runs
     * @since 1.3
     */
    default RunResult resume(Path runFolder, Function<Path, RunSpec> readSpec, RunListener listener) {
        throw new UnsupportedOperationException("this runner does not resume runs");
    }

    /**
     * Asks the run running in a folder, in this process or another, to stop at its next step boundary:
     * it writes a checkpoint and ends STOPPED, to be continued by {@link #resume}. Returns at once; the
     * run notices the request within about 100 ms of finishing its current step. The default refuses.
     *
     * @param runFolder a folder {@link #run} wrote
     * @return {@code true} if a run is running there and has been asked; {@code false} if none is (nothing
     *     is written then)
     * @throws InvalidInputException if the folder is not a run folder or cannot be written
     * @throws UnsupportedOperationException if this runner does not stop runs by folder
     * @since 1.3
     */
    default boolean requestStop(Path runFolder) {
        throw new UnsupportedOperationException("this runner does not stop runs by folder");
    }
}
