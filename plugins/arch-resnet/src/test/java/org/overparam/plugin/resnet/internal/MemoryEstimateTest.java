package org.overparam.plugin.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

/** resnet's {@code forwardValues} against the bytes a forward and backward pass allocate. */
class MemoryEstimateTest {
    /**
     * Measured: 64 images 3x16x16 through 3 conv blocks of 16 channels, kernel 3 allocate X bytes
     * in all on their thread; {@code 8 forwardValues(64)} lies within [0.8 X, 1.5 X] (0.99 X measured).
     */
    @Test
    void forwardValuesIsWithinTwentyPercentBelowAndFiftyAboveWhatAPassAllocates() {
        int n = 64;
        Model m = new ResidualNet().build(Config.of(Map.of("block", "conv", "channels", 16L, "kernel", 3L,
                "depth", 3L)), Shape.of(3, 16, 16), 2);
        Params p = Params.zeros(m.layout());
        RandomStream r = RandomStream.of(5);
        for (int b = 0; b < p.layout().count(); b++) {
            r.fillGaussian(p.block(b), 0.1);
        }
        double[] x = new double[n * 3 * 16 * 16];
        r.fillGaussian(x, 1.0);
        Batch batch = new Batch(Shape.of(3, 16, 16), n, x, 2, new double[2 * n], null);
        Params g = Params.zeros(m.layout());
        double[] dOut = new double[2 * n];
        Arrays.fill(dOut, 1.0);
        long allocated = Allocations.bytes(() -> {
            Forward f = m.forward(p, batch);
            m.backward(f, dOut, g);
        });
        double ratio = 8.0 * m.forwardValues(n) / allocated;
        assertTrue(ratio >= 0.8 && ratio <= 1.5, "estimate " + 8 * m.forwardValues(n) + " vs allocated " + allocated);
    }
}
