package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Shape;
import org.overparam.api.run.ParamSpec;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Layers;
import org.overparam.testkit.LayerChecks;

/**
 * The layer {@code ${layerName}} against the test kit's checks: its vector-Jacobian product and R-operator
 * passes against central differences (LayerChecks; a correct layer scores about 1e-9), its derivatives
 * against differences of its value, and its schema.
 */
class ${className}Test {
    private final ${className} type = new ${className}();

    @Test
    void itsDerivativesPassTheTestKitsChecksAlone() {
        for (double beta : new double[] {0.5, 1.0, 3.0}) {
            BoundLayer layer = type.create(Config.of(Map.of("beta", beta)), null).bind(Shape.of(2, 3), "0");
            assertTrue(LayerChecks.assertDerivatives(layer, 7, 1e-6) < 1e-6);
        }
    }

    @Test
    void itsDerivativesPassInsideANetwork() {
        BoundLayer net = Layers.serial(Layers.dense(4), type.create(Config.empty(), null), Layers.dense(2))
                .bind(Shape.of(3), "");
        assertTrue(LayerChecks.assertDerivatives(net, 11, 1e-6) < 1e-6);
    }

    @Test
    void firstAndSecondDerivativesMatchDifferencesOfTheValue() {
        Swish phi = new Swish(1.5);
        double h = 1e-5;
        for (double z = -4; z <= 4; z += 0.5) {
            assertEquals((phi.value(z + h) - phi.value(z - h)) / (2 * h), phi.first(z), 1e-9);
            assertEquals((phi.first(z + h) - phi.first(z - h)) / (2 * h), phi.second(z), 1e-9);
        }
        assertEquals(2 / (1 + Math.exp(-3.0)), phi.value(2), 1e-15);
    }

    @Test
    void theSchemaHasBetaAsItsSingleValue() {
        ParamSpec beta = ParamSpec.of(type.configType()).get(0);
        assertEquals("beta", beta.name());
        assertEquals("beta", type.shorthand());
        assertEquals("(0, inf)", beta.range());
        assertEquals("${layerName}", type.name());
    }
}
