package org.overparam.plugin.losses.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.LossScale;
import org.overparam.api.Shape;

/**
 * Each loss states its scale s ({@code F = s * sum_i l_i}); it equals, bit for bit, the factor the
 * optimizers used to derive from the loss's {@code half} and {@code reduction} strings, and the
 * value the loss itself computes with.
 */
class LossScaleTest {
    /** The optimizers' former string logic (momentum's curvature, the NTK analyzer's convention), verbatim. */
    private static double fromStrings(Config loss, int n) {
        boolean half = !(loss.get("half") instanceof Boolean b) || b;
        boolean mean = "mean".equals(loss.get("reduction"));
        return (half ? 0.5 : 1.0) * (mean ? 1.0 / n : 1.0);
    }

    @ParameterizedTest
    @CsvSource({"sum, true, 1, 0.5", "sum, false, 7, 1", "mean, true, 3, 0.16666666666666666",
                "mean, false, 3, 0.3333333333333333", "mean, true, 49, 0.01020408163265306",
                "mean, false, 100, 0.01"})
    void squaredScaleIsHalfAndReductionAsBefore(String reduction, boolean half, int n, double expected) {
        Config c = Config.of(Map.of("reduction", reduction, "half", half));
        LossScale s = new SquaredLoss().scale(c);
        assertEquals(expected, s.at(n), 0);
        assertEquals(fromStrings(c, n), s.at(n), 0, "bit-identical to the old string logic");
        assertEquals(s, LossScale.declared(c), "the fallback of contexts that cannot ask the loss agrees");
        Batch ones = new Batch(Shape.of(1), n, new double[n], 1, new double[n], null);
        double[] f = new double[n];
        java.util.Arrays.fill(f, 1.0);
        assertEquals(s.at(n) * n, new SquaredLoss().evaluate(c, ones, f, null), 0, "the loss computes with it");
    }

    @ParameterizedTest
    @CsvSource({"sum, 5, 1", "mean, 4, 0.25"})
    void crossEntropyIsAPlainSumOrMean(String reduction, int n, double expected) {
        LossScale s = new CrossEntropyLoss().scale(Config.of(Map.of("reduction", reduction)));
        assertEquals(1.0, s.factor(), 0);
        assertEquals(expected, s.at(n), 0);
        assertEquals("mean".equals(reduction), s.mean());
    }
}
