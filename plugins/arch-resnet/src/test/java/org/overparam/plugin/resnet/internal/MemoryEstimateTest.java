package org.overparam.plugin.resnet.internal;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Model;
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
        Allocations.assertForwardValuesMatchAPass(m, n, 0.8, 1.5);
    }
}
