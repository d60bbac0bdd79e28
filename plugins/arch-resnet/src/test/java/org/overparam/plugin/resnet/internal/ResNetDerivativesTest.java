package org.overparam.plugin.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.testkit.DerivativeChecks;

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
        double err = DerivativeChecks.squaredLossGradient(c.model(), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyGradientMatchesFiniteDifferences(ResNets.Case c) {
        double err = DerivativeChecks.crossEntropyGradient(c.model(), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossHessianVectorMatchesDifferencesOfGradients(ResNets.Case c) {
        double err = DerivativeChecks.squaredLossHessianVector(c.model(), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyHessianVectorMatchesDifferencesOfGradients(ResNets.Case c) {
        double err = DerivativeChecks.crossEntropyHessianVector(c.model(), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void hessianVectorProductIsSymmetric(ResNets.Case c) {
        DerivativeChecks.assertHessianVectorSymmetric(c.model());
    }
}
