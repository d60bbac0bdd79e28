package org.overparam.plugin.fc.internal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Model;
import org.overparam.nn.Dense;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.ModelComparison;

/**
 * The layer algebra's composition {@code flatten, dense, act, ..., dense} (org.overparam.nn) against
 * the hand-written {@link FcModel}: the same blocks, and the same gemm calls in the same order, so
 * outputs, activations, gradients, exact Hessian-vector products and NTK pieces agree to the bit
 * (tolerance 0) on every shape of {@link Nets#cases()} and three seeds each. This is what lets fc
 * be rewritten as a composition (issue 14) without changing any run's metrics.
 */
class ComposedFcTest {

    static Model composed(Nets.Case c) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layers.flatten());
        for (int l = 1; l <= c.depth(); l++) {
            layers.add(dense(c.width(), c.bias(), "W" + l, "b" + l));
            layers.add(Layers.named("h" + l, Layers.elementwise(activation(c.activation()))));
        }
        layers.add(dense(c.outputs(), c.bias(), "W_out", "b_out"));
        return Network.of(c.input(), layers.toArray(new Layer[0]));
    }

    private static Layer dense(int width, boolean bias, String w, String b) {
        Dense d = Layers.dense(width).named(w, b);
        return bias ? d.withBias(1.0) : d;
    }

    private static org.overparam.nn.Nonlinearity activation(String key) {
        return switch (key) {
            case "relu" -> org.overparam.nn.Nonlinearity.RELU;
            case "tanh" -> org.overparam.nn.Nonlinearity.TANH;
            default -> org.overparam.nn.Nonlinearity.SOFTPLUS;
        };
    }

    @Test
    void sameLayoutOutputsGradientsHessianVectorsAndPieces() {
        for (Nets.Case c : Nets.cases()) {
            for (long seed = 1; seed <= 3; seed++) {
                ModelComparison.assertIdentical(c.model(), composed(c), seed, c + " seed " + seed);
            }
        }
    }
}
