package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.testkit.BlockChecks.assertBlock;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.testkit.Fixtures;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.SchemaCheck;

/** The component's configuration, the layout it builds and the forward pass. */
class FullyConnectedTest {
    private final FullyConnected fc = new FullyConnected();

    static List<Nets.Case> cases() {
        return Nets.cases();
    }

    @Test
    void layoutWithoutBiasHasOneWeightPerLayerInPyTorchLayout() {
        Model m = fc.build(Config.of(Map.of("width", 7L, "depth", 3L)), Shape.of(2, 5), 4);
        assertEquals(List.of("W1", "W2", "W3", "W_out"), m.layout().names());
        assertBlock(m.layout().block(0), Shape.of(7, 10), BlockRole.INPUT, 10);
        assertBlock(m.layout().block(1), Shape.of(7, 7), BlockRole.HIDDEN, 7);
        assertBlock(m.layout().block(2), Shape.of(7, 7), BlockRole.HIDDEN, 7);
        assertBlock(m.layout().block(3), Shape.of(4, 7), BlockRole.OUTPUT, 7);
        assertEquals(Shape.of(2, 5), m.inputShape());
        assertEquals(4, m.outputSize());
        assertEquals(70 + 49 + 49 + 28, m.layout().size());
    }

    @Test
    void layoutWithBiasInterleavesBiasesAfterTheirWeights() {
        Model m = fc.build(Config.of(Map.of("width", 3L, "depth", 1L, "bias", true)), Shape.of(2), 1);
        assertEquals(List.of("W1", "b1", "W_out", "b_out"), m.layout().names());
        assertBlock(m.layout().block(1), Shape.of(3), BlockRole.BIAS, 1);
        assertBlock(m.layout().block(3), Shape.of(1), BlockRole.BIAS, 1);
    }

    @Test
    void defaultsAreOneReluLayerWithoutBias() {
        Model m = fc.build(Config.empty(), Shape.of(3), 1);
        assertEquals(List.of("W1", "W_out"), m.layout().names());
        assertEquals(Shape.of(256, 3), m.layout().block(0).shape());
        Batch b = new Batch(Shape.of(3), 1, new double[] {1, -2, 3}, 1, new double[1], null);
        Params w = Params.zeros(m.layout());
        java.util.Arrays.fill(w.block(1), 1.0);
        java.util.Arrays.fill(w.block(0), 0.5);
        assertEquals(256, m.forward(w, b).output()[0], 0, "relu(1) summed over 256 units");
        java.util.Arrays.fill(w.block(0), -0.5);
        assertEquals(0, m.forward(w, b).output()[0], 0, "relu(-1) is 0 (softplus and tanh are not)");
    }

    @Test
    void badWidthDepthAndActivationNameTheParameter() {
        ParamSpec width = ParamSpec.of(FullyConnected.Settings.class).stream().filter(p -> p.name().equals("width")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> width.check("width", 0L)).getMessage(),
                "refused by the schema before the component runs");
        ParamSpec depth = ParamSpec.of(FullyConnected.Settings.class).stream().filter(p -> p.name().equals("depth")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> depth.check("depth", 0L)).getMessage(),
                "refused by the schema before the component runs");
        var e = assertThrows(InvalidInputException.class,
                () -> fc.build(Config.of(Map.of("activation", "sigmoid")), Shape.of(3), 1));
        assertEquals("activation", e.where());
        assertTrue(e.getMessage().contains("relu, softplus or tanh"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardMatchesScalarLoopsAndExposesPreActivations(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 101);
        Params w = Fixtures.point(model, 102);
        var f = model.forward(w, batch);
        HyperDual[] ref = NaiveNet.outputs(c, w, null, null, batch.inputs(), batch.n());
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i].a(), f.output()[i], 1e-13 * (1 + Math.abs(ref[i].a())));
        }
        List<Activation> acts = f.activations();
        assertEquals(c.depth(), acts.size());
        for (int l = 0; l < acts.size(); l++) {
            assertEquals("h" + (l + 1), acts.get(l).layer());
            assertEquals(c.width(), acts.get(l).width());
            assertEquals(batch.n() * c.width(), acts.get(l).preActivations().length);
        }
        assertEquals(batch, f.batch());
    }

    @Test
    void activationsAndTheirDerivativesAreConsistent() {
        for (String key : List.of("relu", "softplus", "tanh")) {
            org.overparam.nn.Nonlinearity s = FullyConnected.activation(key);
            for (double z = -3.1; z < 3.2; z += 0.37) {
                double h = 1e-6;
                assertEquals((s.value(z + h) - s.value(z - h)) / (2 * h), s.first(z), 1e-9, s + " at " + z);
                assertEquals((s.first(z + h) - s.first(z - h)) / (2 * h), s.second(z), 1e-9, s + " at " + z);
            }
        }
        assertEquals(Math.log1p(Math.exp(-800)) + 800, org.overparam.nn.Nonlinearity.SOFTPLUS.value(800), 0);
        assertEquals(0, org.overparam.nn.Nonlinearity.SOFTPLUS.value(-800), 1e-300);
    }

    @Test
    void batchOfAnotherInputSizeIsRefused() {
        Model m = fc.build(Config.of(Map.of("width", 3L)), Shape.of(4), 1);
        Batch b = new Batch(Shape.of(5), 1, new double[5], 1, new double[1], null);
        assertThrows(IllegalArgumentException.class, () -> m.forward(Params.zeros(m.layout()), b));
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new FullyConnected());
    }
}
