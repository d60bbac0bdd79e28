package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.overparam.api.Shape;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.testkit.HighPrecisionChecks.Reference;

/**
 * The shipped layers against naive 60-digit references ({@link References}): forward pass,
 * vector-Jacobian product, R-operator forward and backward all agree to 1e-12 relative (measured:
 * 1e-16 to 1e-14, rounding level), and {@link BigMath} against double's own functions to 1e-15.
 */
class HighPrecisionTest {
    private static final double TOL = 1e-12;

    private static void check(Layer layer, Shape input, Reference ref, long seed) {
        BoundLayer bound = layer.bind(input, "layer");
        HighPrecisionChecks.Errors e = HighPrecisionChecks.errors(bound, ref, 2, seed);
        assertTrue(e.max() <= TOL, input + " " + e);
    }

    @Test
    void denseLayersAndActivationsAgreeWithTheReferenceToRoundingLevel() {
        check(Layers.dense(3).withBias(1), Shape.of(4), References.dense(4, 3), 1);
        check(Layers.dense(2), Shape.of(3), References.dense(3, 2), 2);
        check(Layers.relu(), Shape.of(5), References.elementwise(References::relu), 3);
        check(Layers.tanh(), Shape.of(5), References.elementwise(BigMath::tanh), 4);
        check(Layers.erf(), Shape.of(5), References.elementwise(BigMath::erf), 5);
        check(Layers.softplus(), Shape.of(5), References.elementwise(BigMath::softplus), 6);
        check(Layers.scale(-0.3), Shape.of(3), References.scale(-0.3), 7);
    }

    @Test
    void convolutionPoolingAndCompositionsAgreeWithTheReference() {
        check(Layers.conv1d(3, 3).stride(2).padding(1).withBias(1), Shape.of(2, 7),
                References.conv1d(2, 7, 3, 3, 2, 1), 11);
        check(Layers.avgPool(2), Shape.of(2, 6), References.avgPool1d(2, 6, 2), 12);
        Reference mlp = References.serial(new Reference[] {References.dense(3, 4), References.elementwise(BigMath::tanh),
            References.dense(4, 2)}, new int[] {2, 0, 1});
        check(Layers.serial(Layers.dense(4).withBias(1), Layers.tanh(), Layers.dense(2)), Shape.of(3), mlp, 13);
        Reference branch = References.serial(new Reference[] {References.dense(3, 3),
            References.elementwise(BigMath::softplus)}, new int[] {1, 0});
        check(Layers.residual(0.5, Layers.dense(3), Layers.softplus()), Shape.of(3), References.residual(0.5, branch), 14);
    }

    @Test
    void bigMathAgreesWithDoubleFunctions() {
        MathContext mc = new MathContext(40, RoundingMode.HALF_EVEN);
        for (double x : new double[] {-3.7, -1.1, -0.2, 0.3, 1.9, 4.2}) {
            BigDecimal b = new BigDecimal(x);
            assertTrue(Math.abs(BigMath.exp(b, mc).doubleValue() / Math.exp(x) - 1) < 1e-15);
            assertTrue(Math.abs(BigMath.tanh(b, mc).doubleValue() / Math.tanh(x) - 1) < 1e-15);
            assertTrue(Math.abs(BigMath.log(BigMath.exp(b, mc), mc).doubleValue() - x) < 1e-15 * Math.abs(x) + 1e-300);
            assertTrue(Math.abs(BigMath.softplus(b, mc).doubleValue() / Math.log1p(Math.exp(x)) - 1) < 1e-15);
        }
        assertTrue(Math.abs(BigMath.erf(new BigDecimal("0.5"), mc).doubleValue() - 0.5204998778130465) < 1e-16);
        assertTrue(Math.abs(BigMath.erf(new BigDecimal("-1.5"), mc).doubleValue() + 0.9661051464753108) < 1e-16);
    }
}
