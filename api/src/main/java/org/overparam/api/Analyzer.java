package org.overparam.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A measurement taken on a schedule (every k steps, at initialization and at the end): the NTK, the
 * training dynamics, the loss landscape, the theory's bounds. It reads a {@link Snapshot}, writes
 * to a {@link MetricSink}, and keeps what it needs between calls in {@link Snapshot#state()}.
 */
@ConsumerType
public interface Analyzer extends Component {
    /**
     * @param snapshot the run at this step
     * @param out where the results go
     */
    void analyze(Snapshot snapshot, MetricSink out);

    /**
     * The largest workspace one {@link #analyze} call allocates (a kernel Gram, Lanczos vectors, the
     * copies of the parameters it perturbs), for the run's memory estimate before anything is
     * allocated. Use {@link Sizes} so a product that overflows is an error. The default, 0, suits
     * analyzers whose workspace is small next to the parameters.
     *
     * @param config the analyzer's parameters
     * @param model the run's model (its layout gives the parameter count)
     * @param data the run's data sizes
     * @return bytes
     * @throws ArithmeticException if the estimate exceeds {@code 2^63-1}
     */
    default long workspaceBytes(Config config, Model model, DataSize data) {
        return 0;
    }

    /**
     * Checks the parameters against the run's data and model before the run starts. A parameter
     * beyond what they allow is either clamped by {@link #analyze} (e.g. more NTK points than
     * training samples: all samples are used), reported here as one notice line that the run writes
     * to run.log and the terminal, or refused here when clamping would change what is measured. Say
     * which in the analyzer's documentation. The run's resolved spec holds every value, defaults
     * included, so a default beyond the data gets its notice too.
     *
     * @param config the analyzer's parameters
     * @param model the run's model
     * @param data the run's data sizes
     * @return one line per clamped parameter, e.g. {@code points 500 is more than the 100 training
     *     samples; the Gram uses all 100}; empty when nothing is clamped
     * @throws InvalidInputException naming the parameter if it is refused
     */
    default List<String> adjustments(Config config, Model model, DataSize data) {
        return List.of();
    }
}
