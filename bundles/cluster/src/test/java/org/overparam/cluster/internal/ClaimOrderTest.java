package org.overparam.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StopRule;
import org.overparam.api.run.SweepPoint;

class ClaimOrderTest {
    @Test
    void theLargestEstimatedRunsAreQueuedFirstAndEqualOnesKeepTheSweepsOrder() {
        List<SweepPoint> points = List.of(point(1, 32), point(2, 128), point(3, 64), point(4, 128));
        assertEquals(List.of("k2", "k4", "k3", "k1"), ClaimOrder.largestFirst(points, new Runner(true)));
    }

    @Test
    void withoutAnEstimateForEveryRunTheSweepsOrderIsKept() {
        List<SweepPoint> points = List.of(point(1, 32), point(2, 128), point(3, 64));
        assertEquals(List.of("k1", "k2", "k3"), ClaimOrder.largestFirst(points, new Runner(false)));
    }

    /** A run of {@code steps} steps, whose estimated work (below) is its step budget. */
    private static SweepPoint point(int index, long steps) {
        Map<ComponentKind, ComponentRef> c = new EnumMap<>(ComponentKind.class);
        for (ComponentKind k : List.of(ComponentKind.DATASET, ComponentKind.ARCHITECTURE, ComponentKind.INITIALIZER,
                ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.SCHEDULE)) {
            c.put(k, new ComponentRef(k, "x", Config.empty(), "test"));
        }
        RunSpec spec = new RunSpec("r" + index, index, c, List.of(), List.of(), new StopRule(steps, 0), List.of(),
                "steps: " + steps, "test");
        return new SweepPoint(index, "k" + index, Map.of(), spec);
    }

    /** Estimates a run's work as its step budget, or not at all for the run with seed 2. */
    private record Runner(boolean all) implements ExperimentRunner {
        @Override
        public OptionalDouble cost(RunSpec spec) {
            return all || spec.seed() != 2 ? OptionalDouble.of(spec.stop().maxSteps()) : OptionalDouble.empty();
        }

        @Override
        public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
            throw new UnsupportedOperationException("not run here");
        }
    }
}
