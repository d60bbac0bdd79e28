package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.nn.FanIn;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;

/**
 * Composed networks as {@link Model}s with the architectures' checks: gradients (squared and
 * cross-entropy losses) against central differences of the loss (h = 1e-6, tolerance 1e-6),
 * exact Hessian-vector products against central differences of gradients (h = 1e-5, tolerance
 * 1e-6) and symmetric to 1e-12, and the structured NTK from dense-layer pieces against
 * {@code J J^T} from per-sample gradients (tolerance 1e-12, also under a non-identity scaling with
 * per-input multipliers). A network with a convolution has no pieces.
 */
class ComposedNetworkTest {

    static Map<String, Network> nets() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("mlp", Network.of(Shape.of(4), Layers.dense(6).withBias(0.1), Layers.tanh(), Layers.dense(5),
                Layers.softplus(), Layers.dense(3).withBias(0.1)));
        m.put("residual", Network.of(Shape.of(4), Layers.dense(5), Layers.residual(0.5, Layers.erf(), Layers.dense(5)),
                Layers.tanh(), Layers.dense(2)));
        m.put("concat", Network.of(Shape.of(2, 2), Layers.flatten(), Layers.parallel(FanIn.CONCAT, Layers.dense(3),
                Layers.serial(Layers.dense(4).withBias(0.2), Layers.softplus())), Layers.tanh(), Layers.dense(2)));
        m.put("gated", Network.of(Shape.of(3), Layers.gated(Layers.dense(5), Layers.relu(), Layers.dense(5),
                Layers.relu(), Layers.dense(2))));
        return m;
    }

    @Test
    void gradientsAndHessianVectorProductsMatchFiniteDifferences() {
        Map<String, Network> all = new LinkedHashMap<>(nets());
        all.put("cnn", Network.of(Shape.of(2, 6), Layers.conv1d(3, 3).padding(1).withBias(0.1), Layers.tanh(),
                Layers.avgPool(2), Layers.conv1d(2, 2), Layers.softplus(), Layers.globalAvgPool(), Layers.dense(2)));
        for (Map.Entry<String, Network> e : all.entrySet()) {
            Model net = e.getValue();
            String at = e.getKey();
            assertTrue(DerivativeChecks.squaredLossGradient(net, 1e-6) < 1e-6, at);
            assertTrue(DerivativeChecks.crossEntropyGradient(net, 1e-6) < 1e-6, at);
            assertTrue(DerivativeChecks.squaredLossHessianVector(net, 1e-5) < 1e-6, at);
            assertTrue(DerivativeChecks.crossEntropyHessianVector(net, 1e-5) < 1e-6, at);
            DerivativeChecks.assertHessianVectorSymmetric(net);
        }
    }

    @Test
    void denseLayerPiecesGiveThePerSampleGradientGram() {
        for (Map.Entry<String, Network> e : nets().entrySet()) {
            Network net = e.getValue();
            Batch batch = Fixtures.batch(net, 5, 51);
            Params w = Fixtures.point(net, 52);
            for (int o = 0; o < net.outputSize(); o++) {
                assertTrue(PieceGrams.error(net, w, batch, o) < 1e-12, e.getKey());
                Model scaled = PieceGrams.scaling(net.layout(), net.layout().block(0).name(), 53).wrap(net);
                assertTrue(PieceGrams.error(scaled, w, batch, o) < 1e-12, e.getKey() + " scaled");
            }
        }
        Network cnn = Network.of(Shape.of(2, 6), Layers.conv1d(3, 3), Layers.relu(), Layers.flatten(), Layers.dense(2));
        assertTrue(cnn.denseLayerPieces(Fixtures.point(cnn, 1), Fixtures.batch(cnn, 2, 2), 0).isEmpty());
    }
}
