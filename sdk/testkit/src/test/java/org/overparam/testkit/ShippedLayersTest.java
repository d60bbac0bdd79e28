package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Shape;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.FanIn;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;

/**
 * Every shipped layer and combinator of org.overparam.nn passes {@link LayerChecks} (vector-Jacobian
 * product, R-operator forward and backward against central differences, h = 1e-5) with tolerance
 * 1e-6; measured errors are about 1e-9 to 1e-8.
 */
class ShippedLayersTest {

    /** @return small instances of every shipped layer, bound to an input shape, by name */
    static Map<String, BoundLayer> shipped() {
        Map<String, BoundLayer> m = new LinkedHashMap<>();
        put(m, "dense", Layers.dense(4), Shape.of(3));
        put(m, "dense+bias", Layers.dense(4).withBias(0.1), Shape.of(3));
        put(m, "relu", Layers.relu(), Shape.of(5));
        put(m, "tanh", Layers.tanh(), Shape.of(5));
        put(m, "erf", Layers.erf(), Shape.of(5));
        put(m, "softplus", Layers.softplus(), Shape.of(2, 3));
        put(m, "identity", Layers.identity(), Shape.of(2, 3));
        put(m, "flatten", Layers.flatten(), Shape.of(2, 3));
        put(m, "reshape", Layers.reshape(1, 6), Shape.of(2, 3));
        put(m, "frozen", Layers.frozen(Layers.dense(3).withBias(0.1)), Shape.of(2));
        put(m, "scale", Layers.scale(0.7), Shape.of(4));
        put(m, "conv1d", Layers.conv1d(3, 2).stride(2).padding(1).withBias(0.1), Shape.of(2, 6));
        put(m, "conv2d", Layers.conv2d(2, 2, 3).stride(1, 2).padding(1, 0).withBias(0.1), Shape.of(2, 4, 5));
        put(m, "avgPool1d", Layers.avgPool(2), Shape.of(2, 6));
        put(m, "avgPool2d", Layers.avgPool(2, 2), Shape.of(2, 4, 4));
        put(m, "globalAvgPool", Layers.globalAvgPool(), Shape.of(3, 2, 3));
        put(m, "serial", Layers.serial(Layers.dense(4).withBias(0.1), Layers.tanh(), Layers.dense(2)), Shape.of(3));
        put(m, "parallel-sum", Layers.parallel(FanIn.SUM, Layers.dense(3), Layers.serial(Layers.dense(3), Layers.erf())),
                Shape.of(4));
        put(m, "parallel-concat", Layers.parallel(FanIn.CONCAT, Layers.identity(),
                Layers.serial(Layers.dense(2), Layers.softplus())), Shape.of(4));
        put(m, "residual", Layers.residual(0.5, Layers.dense(4).withBias(0.1), Layers.tanh(), Layers.dense(4)),
                Shape.of(4));
        put(m, "gated", Layers.gated(Layers.dense(4), Layers.relu(), Layers.dense(4), Layers.relu(), Layers.dense(2)),
                Shape.of(3));
        put(m, "conv-net", Layers.serial(Layers.conv1d(3, 3).padding(1), Layers.relu(), Layers.avgPool(2),
                Layers.flatten(), Layers.dense(2)), Shape.of(2, 6));
        return m;
    }

    private static void put(Map<String, BoundLayer> m, String key, Layer layer, Shape input) {
        m.put(key, layer.bind(input, key));
    }

    @Test
    void everyShippedLayerPassesTheDerivativeChecks() {
        long seed = 1;
        for (BoundLayer layer : shipped().values()) {
            assertTrue(LayerChecks.assertDerivatives(layer, seed++, 1e-6) >= 0);
        }
    }
}
