package org.overparam.api.run;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/** Runs experiments in the container, and continues or stops runs by their folder. */
@ProviderType
public interface ExperimentRunner {
    /**
     * The name of a file that marks a runs folder as keeping no run store: a run started or resumed in a
     * folder holding it is recorded in none. A cluster member's scratch folder holds it, since the
     * coordinator records the member's runs from their shipped folders ({@link #record}).
     *
     * @since 2.4
     */
    String NO_STORE_FILE = ".overparam-no-store";

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
     * An estimate of the work a run does, to start the larger runs of a parallel sweep first: the
     * model's parameter count times the run's step budget ({@link StopRule#maxSteps}), from the spec
     * alone, without loading data or running anything. It ranks runs of one sweep against each other;
     * it is not a time. Empty when it cannot be told cheaply (the data set tells its sizes only after
     * loading, a component is missing or rejects its parameters: the run itself reports that). The
     * default knows nothing.
     *
     * @param spec a validated experiment
     * @return parameters x maximum steps, or empty
     * @since 2.2
     */
    default OptionalDouble cost(RunSpec spec) {
        return OptionalDouble.empty();
    }

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

    /**
     * Asks the run running in a folder, in this process or another, to swap components before its next
     * step: {@code optimizer=nesterov momentum=0.9} (a parameter after {@code KIND=NAME} belongs to that
     * component), {@code optimizer.lr=0.5}, {@code schedule=cosine}, {@code analyzers.LABEL=NAME},
     * {@code analyzers.LABEL.every=10}, {@code analyzers.LABEL.PARAM=value}. A component given by name
     * keeps the run's values of the parameters it also declares; the State rule of
     * {@link org.overparam.api.State} applies. The request is validated against the registry before it
     * is written (the file {@code swap.request} in the run folder); the run validates it again, applies
     * it at its next step boundary, and records it in {@code run.log}, {@code provenance.json}, the run
     * store and a NOTICE event. The semantics are in {@code docs/hot-swap.md}. The default refuses.
     *
     * @param runFolder a folder {@link #run} wrote, whose run is running
     * @param changes the {@code key=value} changes, at least one
     * @return a line saying what was asked, e.g. {@code optimizer -> nesterov {momentum=0.9}}
     * @throws InvalidInputException if the run is not running, a swap request is still pending, or a
     *     change names an unknown key, component or parameter or a value out of range (one line)
     * @throws UnsupportedOperationException if this runner does not swap components of running runs
     * @since 1.4
     */
    default String requestSwap(Path runFolder, List<String> changes) {
        throw new UnsupportedOperationException("this runner does not swap components of running runs");
    }

    /**
     * The old bundle revisions this container still keeps (updated or uninstalled bundles whose previous
     * code is still wired, waiting for the refresh that is deferred while runs are active) and the runs
     * that hold components of them. The default knows of none.
     *
     * @return the stale revisions, by bundle id
     * @since 1.4
     */
    default List<StaleRevision> stale() {
        return List.of();
    }

    /**
     * Records in this container's run store a run whose folder another process wrote and that was
     * copied here (a run of a clustered sweep, shipped by the member that ran it): its record (spec,
     * parameters, the provenance of its {@code provenance.json}, sweep and key), every row of its
     * {@code metrics.csv}, its artifacts and its outcome ({@code result.json}). Recording the same folder
     * again replaces what was recorded. A folder without {@code result.json} (a copy of a run still under
     * way elsewhere, its {@code metrics.csv} cut at a row's end) is recorded as RUNNING with the rows it
     * has so far; recorded again, only its new rows are added. The default records nothing.
     *
     * @param runFolder the run's folder: finished (it holds {@code result.json}), or a copy of one under way
     * @param readSpec reads the folder's {@code spec.yaml} into a validated spec
     * @param tags labels for the run in the store, e.g. the member that ran it
     * @return {@code true} if a run store recorded it
     * @throws InvalidInputException if the folder's {@code result.json} holds no run status, or its
     *     spec or metrics cannot be read
     * @since 2.1
     */
    default boolean record(Path runFolder, Function<Path, RunSpec> readSpec, java.util.Collection<String> tags) {
        return false;
    }
}
