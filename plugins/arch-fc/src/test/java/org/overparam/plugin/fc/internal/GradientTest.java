package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/** The backward pass against central finite differences of the loss ({@link Fixtures#gradientError}), in double. */
class GradientTest {
    /** Step of the central differences. */
    static final double H = 1e-5;
    /** Allowed max-norm error relative to the gradient's max norm. */
    static final double TOLERANCE = 1e-7;

    static List<Nets.Case> cases() {
        return Nets.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossGradientMatchesFiniteDifferences(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 5, 11);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 3));
        assertTrue(Fixtures.gradientError(model, batch, loss, Fixtures.point(model, 7), H) < TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("org.overparam.plugin.fc.internal.Nets#classifiers")
    void crossEntropyGradientMatchesFiniteDifferences(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 12);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        assertTrue(Fixtures.gradientError(model, batch, loss, Fixtures.point(model, 8), H) < TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientOverwritesEveryBlockAndIsLinearInTheOutputSignal(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 3, 13);
        Params w = Fixtures.point(model, 9);
        Forward f = model.forward(w, batch);
        double[] dOut = Fixtures.weights(batch.targets().length, 4);
        Params g = nans(model);
        model.backward(f, dOut, g);
        Params g2 = nans(model);
        double[] twice = dOut.clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] *= 2;
        }
        model.backward(f, twice, g2);
        assertTrue(g.isFinite() && g2.isFinite());
        assertEquals(0.0, Fixtures.maxAbsDiff(g2, g.copy().scale(2)), 1e-15 * Fixtures.maxAbs(g2));
    }

    private static Params nans(Model model) {
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            Arrays.fill(p.block(i), Double.NaN);
        }
        return p;
    }
}
