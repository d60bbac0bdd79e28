package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/**
 * The R-operator Hessian-vector product against (1) an exact hyper-dual evaluation of
 * {@code e_j^T H v} by scalar loops and (2) central differences of the exact gradient.
 */
class HessianVectorTest {
    /** Against the hyper-dual reference (both exact up to rounding). */
    static final double EXACT_TOLERANCE = 1e-11;
    /** Against differences of gradients with step H along v. */
    static final double FD_TOLERANCE = 1e-7;
    static final double H = 1e-6;

    static List<Nets.Case> cases() {
        return Nets.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossProductIsExact(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 21);
        double[] weights = Fixtures.weights(batch.targets().length, 5);
        OutputLoss loss = TestLosses.squared(batch.targets(), weights);
        Params w = Fixtures.point(model, 22);
        Params v = Fixtures.direction(model, 23);
        Params reference = reference(c, model, batch, w, v, f -> DualLosses.squared(f, batch.targets(), weights));
        assertTrue(errorAgainst(model, batch, loss, w, v, reference) < EXACT_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("org.overparam.plugin.fc.internal.Nets#classifiers")
    void crossEntropyProductIsExact(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 31);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        Params w = Fixtures.point(model, 32);
        Params v = Fixtures.direction(model, 33);
        Params reference = reference(c, model, batch, w, v, f -> DualLosses.softmax(f, batch.labels(), model.outputSize()));
        assertTrue(errorAgainst(model, batch, loss, w, v, reference) < EXACT_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void productMatchesDifferencesOfGradients(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 5, 41);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 6));
        Params w = Fixtures.point(model, 42);
        Params v = Fixtures.direction(model, 43);
        assertTrue(Fixtures.hessianVectorError(model, batch, loss, w, v, H) < FD_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("org.overparam.plugin.fc.internal.Nets#classifiers")
    void productIsSymmetric(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 51);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        Params w = Fixtures.point(model, 52);
        Params u = Fixtures.direction(model, 53);
        Params v = Fixtures.direction(model, 54);
        Params hu = Params.zeros(model.layout());
        Params hv = Params.zeros(model.layout());
        model.hessianVector(w, batch, loss, u, hu);
        model.hessianVector(w, batch, loss, v, hv);
        double a = v.dot(hu);
        double b = u.dot(hv);
        assertEquals(a, b, 1e-12 * (Math.abs(a) + hu.norm() * v.norm()));
    }

    /** @return {@code max|Hv - reference| / max|reference|} */
    static double errorAgainst(Model model, Batch batch, OutputLoss loss, Params w, Params v, Params reference) {
        Params hv = Params.zeros(model.layout());
        model.hessianVector(w, batch, loss, v, hv);
        return Fixtures.maxAbsDiff(hv, reference) / Fixtures.maxAbs(reference);
    }

    /** @return H v, coordinate by coordinate, from hyper-dual evaluations of F(w + e1 e_j + e2 v) */
    static Params reference(Nets.Case c, Model model, Batch batch, Params w, Params v,
                            java.util.function.Function<HyperDual[], HyperDual> loss) {
        Params out = Params.zeros(model.layout());
        for (int b = 0; b < out.layout().count(); b++) {
            for (int j = 0; j < out.block(b).length; j++) {
                Params e = Params.zeros(model.layout());
                e.block(b)[j] = 1;
                out.block(b)[j] = loss.apply(NaiveNet.outputs(c, w, e, v, batch.inputs(), batch.n())).d();
            }
        }
        return out;
    }
}
