package org.overparam.cluster.internal;

import java.util.List;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.StartOrder;
import org.overparam.api.run.SweepPoint;

/**
 * The order a clustered sweep queues its runs in, the order a local parallel sweep starts them in
 * ({@link StartOrder}: the largest estimated work first, by {@link ExperimentRunner#cost}), so that the
 * sweep does not end with its largest run alone on one member while the others wait.
 */
final class ClaimOrder {
    private ClaimOrder() {
    }

    /**
     * @param points the runs to queue, in the sweep's order
     * @param runner estimates their work
     * @return their keys, in the order to queue them
     */
    static List<String> largestFirst(List<SweepPoint> points, ExperimentRunner runner) {
        return StartOrder.largestFirst(points.stream().map(p -> runner.cost(p.spec())).toList()).stream()
                .map(i -> points.get(i).key()).toList();
    }
}
