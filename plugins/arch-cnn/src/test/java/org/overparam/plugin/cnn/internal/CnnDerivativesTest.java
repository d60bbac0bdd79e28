package org.overparam.plugin.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.testkit.DerivativeChecks;

/**
 * Gradients and R-operator Hessian-vector products of the cnn against central finite differences
 * in double, over 1-D and 2-D shapes with strides above 1, padding, both heads and biases.
 */
class CnnDerivativesTest {
    /** Step of the loss differences. */
    static final double H_GRADIENT = 1e-5;
    /** Allowed max-norm error of the gradient relative to its max norm. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** Step of the gradient differences along v. */
    static final double H_HESSIAN = 1e-6;
    /** Allowed max-norm error of H v relative to the difference quotient's max norm. */
    static final double HESSIAN_TOLERANCE = 1e-7;

    static List<Cnns.Case> cases() {
        return Cnns.cases();
    }

    static List<Cnns.Case> classifiers() {
        return Cnns.cases().stream().filter(c -> c.outputs() > 1).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossGradientMatchesFiniteDifferences(Cnns.Case c) {
        double err = DerivativeChecks.squaredLossGradient(c.model(), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyGradientMatchesFiniteDifferences(Cnns.Case c) {
        double err = DerivativeChecks.crossEntropyGradient(c.model(), H_GRADIENT);
        assertTrue(err < GRADIENT_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void squaredLossHessianVectorMatchesDifferencesOfGradients(Cnns.Case c) {
        double err = DerivativeChecks.squaredLossHessianVector(c.model(), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void crossEntropyHessianVectorMatchesDifferencesOfGradients(Cnns.Case c) {
        double err = DerivativeChecks.crossEntropyHessianVector(c.model(), H_HESSIAN);
        assertTrue(err < HESSIAN_TOLERANCE, c + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void hessianVectorProductIsSymmetric(Cnns.Case c) {
        DerivativeChecks.assertHessianVectorSymmetric(c.model());
    }
}
