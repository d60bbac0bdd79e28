package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Shape;
import org.overparam.testkit.Allocations;

/**
 * fc's sizes for the run's memory guard: a billion-unit layer is built (its layout counted, nothing
 * allocated), and {@code forwardValues} against the bytes a forward and backward pass allocate.
 */
class MemoryEstimateTest {
    private final FullyConnected fc = new FullyConnected();

    @Test
    void aBillionUnitsAreCountedNotAllocated() {
        Model m = fc.build(Config.of(Map.of("width", 1_000_000_000L)), Shape.of(5), 1);
        assertEquals(6_000_000_000L, m.layout().size());
        assertEquals(5_000_000_000L, m.layout().block(0).shape().count());
        assertThrows(IllegalArgumentException.class, () -> m.layout().block(0).size(), "no array of that length");
        assertThrows(ArithmeticException.class, () -> m.forwardValues(Long.MAX_VALUE / 4));
    }

    /**
     * Measured: a forward and a backward pass of 500 samples through fc (d = 20, width 512, depth 2)
     * allocate X bytes on their thread in all (the peak of live arrays is below X: the backward
     * signals of a layer are garbage once the next is computed); {@code 8 forwardValues(500)} lies
     * within [0.8 X, 1.5 X] (0.86 X measured).
     */
    @Test
    void forwardValuesIsWithinTwentyPercentBelowAndFiftyAboveWhatAPassAllocates() {
        int n = 500;
        Model m = fc.build(Config.of(Map.of("width", 512L, "depth", 2L)), Shape.of(20), 1);
        Allocations.assertForwardValuesMatchAPass(m, n, 0.8, 1.5);
    }
}
