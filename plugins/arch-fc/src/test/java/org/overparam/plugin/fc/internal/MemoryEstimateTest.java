package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
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
        Params p = Params.zeros(m.layout());
        RandomStream r = RandomStream.of(5);
        for (int b = 0; b < p.layout().count(); b++) {
            r.fillGaussian(p.block(b), 0.1);
        }
        double[] x = new double[n * 20];
        r.fillGaussian(x, 1.0);
        Batch batch = new Batch(Shape.of(20), n, x, 1, new double[n], null);
        Params g = Params.zeros(m.layout());
        double[] dOut = new double[n];
        java.util.Arrays.fill(dOut, 1.0);
        long allocated = Allocations.bytes(() -> {
            Forward f = m.forward(p, batch);
            m.backward(f, dOut, g);
        });
        double ratio = 8.0 * m.forwardValues(n) / allocated;
        assertTrue(ratio >= 0.8 && ratio <= 1.5, "estimate " + 8 * m.forwardValues(n) + " vs allocated " + allocated);
    }
}
