package org.overparam.cluster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.SweepPoint;

/**
 * The order a clustered sweep queues its runs in, the order a local parallel sweep starts them in: the
 * largest estimated work first ({@link ExperimentRunner#cost}), so that the sweep does not end with its
 * largest run alone on one member while the others wait. Runs of equal estimate keep the sweep's order,
 * and when any run has no estimate the sweep's order is kept for all. The order only decides which run a
 * member claims first; each run's result and place in the sweep table are the same in any order.
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
        List<Double> costs = new ArrayList<>(points.size());
        for (SweepPoint p : points) {
            OptionalDouble c = runner.cost(p.spec());
            if (c.isEmpty()) {
                return points.stream().map(SweepPoint::key).toList();
            }
            costs.add(c.getAsDouble());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> costs.get(i)).reversed());
        return order.stream().map(i -> points.get(i).key()).toList();
    }
}
