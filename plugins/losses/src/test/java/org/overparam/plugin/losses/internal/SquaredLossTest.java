package org.overparam.plugin.losses.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.OutputLoss;
import org.overparam.api.Shape;
import org.overparam.testkit.SchemaCheck;

/** {@code squared} against closed forms and finite differences. */
class SquaredLossTest {
    private final SquaredLoss loss = new SquaredLoss();
    private final Batch three = new Batch(Shape.of(1), 3, new double[3], 1, new double[] {0, 0, 1}, null);
    private final double[] f = {1, 2, 3};

    @ParameterizedTest
    @CsvSource({"sum, true, 4.5", "sum, false, 9", "mean, true, 1.5", "mean, false, 3"})
    void valueAndGradientMatchTheClosedForm(String reduction, boolean half, double expected) {
        Config c = Config.of(Map.of("reduction", reduction, "half", half));
        double[] g = new double[3];
        assertEquals(expected, loss.evaluate(c, three, f, g), 0);
        double s = expected / 9;
        assertArrayEquals(new double[] {2 * s, 4 * s, 4 * s}, g, 1e-15);
        double[] hv = new double[3];
        loss.hessianVector(c, three, f, new double[] {1, -2, 0.5}, hv);
        assertArrayEquals(new double[] {2 * s, -4 * s, s}, hv, 1e-15);
    }

    @Test
    void defaultsAreHalfTheSum() {
        assertEquals(4.5, loss.evaluate(Config.empty(), three, f, null), 0);
    }

    @ParameterizedTest
    @CsvSource({"sum, true", "sum, false", "mean, true", "mean, false"})
    void gradientAndProductMatchFiniteDifferences(String reduction, boolean half) {
        Config c = Config.of(Map.of("reduction", reduction, "half", half));
        Batch b = Fixtures.batch(5, 3, false, 1);
        Fixtures.assertDerivativesMatchFiniteDifferences(loss, c, b, Fixtures.gaussian(15, 1, 2), 3, 1e-9);
    }

    @Test
    void boundLossAgreesWithTheService() {
        Config c = Config.of(Map.of("reduction", "mean"));
        OutputLoss bound = loss.bind(c, three);
        double[] g1 = new double[3];
        double[] g2 = new double[3];
        assertEquals(loss.evaluate(c, three, f, g1), bound.evaluate(f, g2), 0);
        assertArrayEquals(g1, g2, 0);
    }

    @Test
    void badInputIsRefused() {
        var e = assertThrows(InvalidInputException.class,
                () -> loss.evaluate(Config.of(Map.of("reduction", "median")), three, f, null));
        assertEquals("reduction", e.where());
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(Config.empty(), three, new double[2], null));
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new SquaredLoss(), new CrossEntropyLoss());
    }
}
