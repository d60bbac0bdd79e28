package org.overparam.plugin.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/**
 * Gradients and R-operator Hessian-vector products of the resnet against central finite differences
 * in double, over dense and conv blocks (1-D and 2-D), both heads and several tau.
 */
class ResNetDerivativesTest {
    /** Step of the loss differences. */
    static final double H_GRADIENT = 1e-5;
    /** Allowed max-norm error of the gradient relative to its max norm. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** Step of the gradient differences along v. */
    static final double H_HESSIAN = 1e-6;
    /** Allowed max-norm error of H v relative to the difference quotient's max norm. */
    static final double HESSIAN_TOLERANCE = 1e-7;

    static List<ResNets.Case> cases() {
        return ResNets.cases();
    }

    static List<ResNets.Case> classifiers() {
        return ResNets.cases().stream().filter(c -> c.outputs() > 1).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossGradientMatchesFiniteDifferences(ResNets.Case c) {
        ResNetModel model = c.model();
        Batch batch = Fixtures.batch(model, 4, 11);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 3));
        double err = Fixtures.gradientError(model, batch, loss, Fixtures.point(model, 7), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyGradientMatchesFiniteDifferences(ResNets.Case c) {
        ResNetModel model = c.model();
        Batch batch = Fixtures.batch(model, 3, 12);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        double err = Fixtures.gradientError(model, batch, loss, Fixtures.point(model, 8), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossHessianVectorMatchesDifferencesOfGradients(ResNets.Case c) {
        ResNetModel model = c.model();
        Batch batch = Fixtures.batch(model, 4, 21);
        OutputLoss loss = TestLosses.squared(batch.targets(), Fixtures.weights(batch.targets().length, 5));
        double err = Fixtures.hessianVectorError(model, batch, loss, Fixtures.point(model, 22),
                Fixtures.direction(model, 23), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyHessianVectorMatchesDifferencesOfGradients(ResNets.Case c) {
        ResNetModel model = c.model();
        Batch batch = Fixtures.batch(model, 3, 31);
        OutputLoss loss = TestLosses.softmax(batch.labels(), model.outputSize());
        double err = Fixtures.hessianVectorError(model, batch, loss, Fixtures.point(model, 32),
                Fixtures.direction(model, 33), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void hessianVectorProductIsSymmetric(ResNets.Case c) {
        ResNetModel model = c.model();
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
