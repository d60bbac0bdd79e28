package org.overparam.plugin.cnn.internal;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Shape;
import org.overparam.testkit.Allocations;

/** cnn's {@code forwardValues} against the bytes a forward and backward pass allocate. */
class MemoryEstimateTest {
    /**
     * Measured: 64 images 3x16x16 through channels [16, 16], kernel 3, padding 1 allocate X bytes
     * in all on their thread; {@code 8 forwardValues(64)} lies within [0.8 X, 1.5 X].
     */
    @Test
    void forwardValuesIsWithinTwentyPercentBelowAndFiftyAboveWhatAPassAllocates() {
        int n = 64;
        Model m = new ConvolutionalNet().build(Config.of(Map.of("channels", List.of(16L, 16L), "kernel", 3L,
                "padding", 1L)), Shape.of(3, 16, 16), 2);
        Allocations.assertForwardValuesMatchAPass(m, n, 0.8, 1.5);
    }
}
