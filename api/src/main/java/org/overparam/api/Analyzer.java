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
}
