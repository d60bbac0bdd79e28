package org.overparam.api.run;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/** Runs experiments in the container. */
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
}
