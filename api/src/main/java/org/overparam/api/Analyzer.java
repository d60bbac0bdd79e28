package org.overparam.api;

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
     * Checks the analyzer's parameters against the run before anything is written (files it will
     * read, sizes against the data and the model). The run calls this once at setup, after the data
     * are loaded and the model is built; an {@link InvalidInputException} naming a parameter refuses
     * the run with that one line, before its folder exists. The default accepts everything.
     *
     * @param config the analyzer's parameters
     * @param data the run's data
     * @param layout the model's parameter layout
     * @throws InvalidInputException if a parameter cannot work for this run
     * @since 1.2
     */
    default void check(Config config, Data data, Layout layout) {
    }
}
