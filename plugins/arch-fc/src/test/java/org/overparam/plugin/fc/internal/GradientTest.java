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

/** The backward pass against central finite differences of the loss, in double. */
class GradientTest {
    /** Step of the central differences. */
    static final double H = 1e-5;
    /** Allowed max-norm error relative to the gradient's max norm. */
    static final double TOLERANCE = 1e-7;

    static List<Nets.Case> cases() {
        return Nets.cases();
    }

    /** Cross-entropy needs two outputs at least (with one it is constant). */
    static List<Nets.Case> classifiers() {
        return Nets.cases().stream().filter(c -> c.outputs() > 1).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossGradientMatchesFiniteDifferences(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 5, 11);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 3));
        assertTrue(relativeError(model, batch, loss, Fixtures.point(model, 7)) < TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyGradientMatchesFiniteDifferences(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 12);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        assertTrue(relativeError(model, batch, loss, Fixtures.point(model, 8)) < TOLERANCE, c.toString());
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

    /**
     * @return {@code max|fd - g| / max|g|} over the coordinates where a step of H flips no ReLU
     *     pattern (a flip makes the difference quotient meaningless); fails if more than 2% flip
     */
    static double relativeError(Model model, Batch batch, OutputLoss loss, Params w) {
        Forward f = model.forward(w, batch);
        double[] dOut = new double[batch.n() * model.outputSize()];
        loss.evaluate(f.output(), dOut);
        Params g = Params.zeros(model.layout());
        model.backward(f, dOut, g);
        double err = 0;
        int skipped = 0;
        int total = 0;
        for (int b = 0; b < g.layout().count(); b++) {
            for (int j = 0; j < g.block(b).length; j++) {
                total++;
                Params plus = w.copy();
                plus.block(b)[j] += H;
                Params minus = w.copy();
                minus.block(b)[j] -= H;
                if (Fixtures.patternsDiffer(model, batch, plus, minus)) {
                    skipped++;
                    continue;
                }
                double fd = (loss.evaluate(model.forward(plus, batch).output(), null)
                        - loss.evaluate(model.forward(minus, batch).output(), null)) / (2 * H);
                err = Math.max(err, Math.abs(fd - g.block(b)[j]));
            }
        }
        assertTrue(skipped <= total / 50, "too many coordinates at a ReLU kink: " + skipped);
        return err / Fixtures.maxAbs(g);
    }
}
