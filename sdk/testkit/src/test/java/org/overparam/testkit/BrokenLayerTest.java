package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.api.Shape;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * {@link LayerChecks} catches a wrong rule: {@code y = x^2} with a correct forward pass and one
 * derivative rule broken at a time scores above 0.1, the correct layer below 1e-8.
 */
class BrokenLayerTest {

    /** {@code y = x^2}; {@code broken}: 0 none, 1 backward, 2 R-forward, 3 R-backward's curvature term. */
    private record Square(int broken) implements BoundLayer {
        private record P(int n, double[] x, double[] output) implements Pass, Tangent {
        }

        @Override
        public String name() {
            return "square" + broken;
        }

        @Override
        public Shape inputShape() {
            return Shape.of(4);
        }

        @Override
        public Shape outputShape() {
            return Shape.of(4);
        }

        @Override
        public Pass forward(double[][] w, int n, double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = x[i] * x[i];
            }
            return new P(n, x, y);
        }

        @Override
        public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
            double[] x = ((P) pass).x();
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                dx[i] = (broken == 1 ? 1 : 2) * x[i] * dy[i];
            }
            return dx;
        }

        @Override
        public Tangent tangent(Pass pass, double[][] v, double[] rx) {
            double[] x = ((P) pass).x();
            double[] r = rx == null ? null : new double[x.length];
            for (int i = 0; r != null && i < x.length; i++) {
                r[i] = (broken == 2 ? 3 : 2) * x[i] * rx[i];
            }
            return new P(pass.n(), rx, r);
        }

        @Override
        public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                    double[][] hv) {
            double[] x = ((P) pass).x();
            double[] rx = ((P) tangent).x();
            double[] rdx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                rdx[i] = 2 * x[i] * rdy[i] + (broken == 3 ? 0 : 2 * rx[i] * dy[i]);
            }
            return new double[][] {backward(pass, dy, true, null), rdx};
        }
    }

    @Test
    void aCorrectLayerPassesAndEachBrokenRuleIsCaught() {
        assertTrue(LayerChecks.vjpError(new Square(0), 3, 1, 1e-5) < 1e-8);
        assertTrue(LayerChecks.tangentError(new Square(0), 3, 1, 1e-5) < 1e-8);
        assertTrue(LayerChecks.rBackwardError(new Square(0), 3, 1, 1e-5) < 1e-8);
        assertTrue(LayerChecks.vjpError(new Square(1), 3, 1, 1e-5) > 0.1);
        assertTrue(LayerChecks.tangentError(new Square(2), 3, 1, 1e-5) > 0.1);
        assertTrue(LayerChecks.rBackwardError(new Square(3), 3, 1, 1e-5) > 0.1);
    }
}
