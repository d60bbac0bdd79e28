package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.overparam.api.Batch;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;

/**
 * The architecture plugins' derivative checks on fixed seeds: the gradient of the weighted squared
 * and the softmax cross-entropy loss against central differences of the loss, and the
 * R-operator Hessian-vector product against central differences of the gradient
 * ({@link Fixtures#gradientError}, {@link Fixtures#hessianVectorError}). Each returns the relative
 * max-norm error; the test states its tolerance.
 */
public final class DerivativeChecks {
    private DerivativeChecks() {
    }

    /** @return the gradient error of the weighted squared loss on 4 samples, step h */
    public static double squaredLossGradient(Model model, double h) {
        Batch batch = Fixtures.batch(model, 4, 11);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 3));
        return Fixtures.gradientError(model, batch, loss, Fixtures.point(model, 7), h);
    }

    /** @return the gradient error of the cross-entropy on 3 samples, step h; needs 2+ outputs */
    public static double crossEntropyGradient(Model model, double h) {
        Batch batch = Fixtures.batch(model, 3, 12);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        return Fixtures.gradientError(model, batch, loss, Fixtures.point(model, 8), h);
    }

    /** @return the Hessian-vector error of the weighted squared loss on 4 samples, step h */
    public static double squaredLossHessianVector(Model model, double h) {
        Batch batch = Fixtures.batch(model, 4, 21);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 5));
        return Fixtures.hessianVectorError(model, batch, loss, Fixtures.point(model, 22),
                Fixtures.direction(model, 23), h);
    }

    /** @return the Hessian-vector error of the cross-entropy on 3 samples, step h; needs 2+ outputs */
    public static double crossEntropyHessianVector(Model model, double h) {
        Batch batch = Fixtures.batch(model, 3, 31);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        return Fixtures.hessianVectorError(model, batch, loss, Fixtures.point(model, 32),
                Fixtures.direction(model, 33), h);
    }

    /**
     * Asserts {@code v.(H u) = u.(H v)} within {@code 1e-12 |H u| |v|} for the cross-entropy on 3
     * samples and two random directions.
     */
    public static void assertHessianVectorSymmetric(Model model) {
        Batch batch = Fixtures.batch(model, 3, 41);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        Params w = Fixtures.point(model, 42);
        Params u = Fixtures.direction(model, 43);
        Params v = Fixtures.direction(model, 44);
        Params hu = Params.zeros(model.layout());
        Params hv = Params.zeros(model.layout());
        model.hessianVector(w, batch, loss, u, hu);
        model.hessianVector(w, batch, loss, v, hv);
        assertEquals(v.dot(hu), u.dot(hv), 1e-12 * hu.norm() * v.norm());
    }
}
