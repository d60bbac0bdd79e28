package org.overparam.plugin.gated.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.testkit.DerivativeChecks;

/**
 * Gradients and R-operator Hessian-vector products of the gated surrogate against central finite differences
 * in double, over several widths, depths and outputs; the gate blocks get zero gradients (a step that moves a gate across zero is skipped).
 */
class GatedDerivativesTest {
    /** Step of the loss differences. */
    static final double H_GRADIENT = 1e-5;
    /** Allowed max-norm error of the gradient relative to its max norm. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** Step of the gradient differences along v. */
    static final double H_HESSIAN = 1e-6;
    /** Allowed max-norm error of H v relative to the difference quotient's max norm. */
    static final double HESSIAN_TOLERANCE = 1e-7;

    static List<Gateds.Case> cases() {
        return Gateds.cases();
    }

    static List<Gateds.Case> classifiers() {
        return Gateds.cases().stream().filter(c -> c.outputs() > 1).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossGradientMatchesFiniteDifferences(Gateds.Case c) {
        double err = DerivativeChecks.squaredLossGradient(c.model(), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyGradientMatchesFiniteDifferences(Gateds.Case c) {
        double err = DerivativeChecks.crossEntropyGradient(c.model(), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossHessianVectorMatchesDifferencesOfGradients(Gateds.Case c) {
        double err = DerivativeChecks.squaredLossHessianVector(c.model(), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyHessianVectorMatchesDifferencesOfGradients(Gateds.Case c) {
        double err = DerivativeChecks.crossEntropyHessianVector(c.model(), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void hessianVectorProductIsSymmetric(Gateds.Case c) {
        DerivativeChecks.assertHessianVectorSymmetric(c.model());
    }
}
