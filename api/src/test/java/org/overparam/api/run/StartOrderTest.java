package org.overparam.api.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The start order of a sweep's runs: largest estimate first, ties and unknowns in the sweep's order. */
class StartOrderTest {
    private static List<OptionalDouble> costs(double... c) {
        return java.util.Arrays.stream(c).mapToObj(OptionalDouble::of).toList();
    }

    @Test
    void largestEstimateFirstAndEqualEstimatesInTheSweepsOrder() {
        // examples/sweep-width.yaml's points: widths 128, 256, 512, 1024 x 3 seeds, seed fastest;
        // fc of depth 2 without biases on 10 inputs, 1 output: 10 m + m^2 + m parameters, 300 steps each
        double[] c = new double[12];
        int[] widths = {128, 256, 512, 1024};
        for (int i = 0; i < 12; i++) {
            long m = widths[i / 3];
            c[i] = (10 * m + m * m + m) * 300.0;
        }
        assertEquals(List.of(9, 10, 11, 6, 7, 8, 3, 4, 5, 0, 1, 2), StartOrder.largestFirst(costs(c)));
        assertEquals(List.of(1, 3, 0, 2), StartOrder.largestFirst(costs(1, 5, 1, 2)));
    }

    @Test
    void anyRunWithoutAnEstimateKeepsTheSweepsOrder() {
        assertEquals(List.of(0, 1, 2), StartOrder.largestFirst(
                List.of(OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.of(3))));
        assertEquals(List.of(), StartOrder.largestFirst(List.of()));
    }
}
