package org.overparam.api.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The order in which several runs of a sweep start, locally ({@code sweep --parallel N}) or in a cluster
 * (the order members claim them): the largest estimated work first (longest processing time first), so
 * that the sweep does not end with its largest run alone. The estimates are a runner's
 * ({@link ExperimentRunner#cost}); runs of equal estimate keep the sweep's order, and when any run has no
 * estimate the sweep's order is kept for all (runs cannot be ranked against one that cannot be told). The
 * order only decides which run starts when; each run's results, folder and place in the sweep table are
 * the same in any order.
 *
 * @since 2.3
 */
public final class StartOrder {
    private StartOrder() {
    }

    /**
     * @param costs each run's estimated work, in the sweep's order
     * @return the positions in {@code costs}, in the order to start them
     */
    public static List<Integer> largestFirst(List<OptionalDouble> costs) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, costs.size()).boxed().toList());
        if (costs.stream().anyMatch(OptionalDouble::isEmpty)) {
            return order;
        }
        order.sort(Comparator.comparingDouble((Integer i) -> costs.get(i).getAsDouble()).reversed());
        return order;
    }
}
