package org.overparam.plugin.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.nn.FanIn;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/** The {@code serial} architecture: layer lists as written give the networks built in Java; its errors. */
class SerialArchitectureTest {
    private static final SerialArchitecture SERIAL = ShippedLayerTypes.architecture();

    static Config layers(Object... entries) {
        return Config.of(Map.of("layers", List.of(entries)));
    }

    @Test
    void aWrittenNetEqualsTheSameNetBuiltInJava() {
        Config config = layers(Map.of("conv", Map.of("channels", 3L, "kernel", List.of(3L), "padding", List.of(1L),
                        "bias", true, "biasVariance", 0.1)), "tanh", Map.of("avgPool", List.of(2L)), "flatten",
                Map.of("dense", 6L), "relu",
                Map.of("residual", Map.of("tau", 0.5, "branch", List.of(Map.of("dense", 6L), "erf"))),
                Map.of("parallel", Map.of("fanIn", "concat", "branches", List.of(List.of(Map.of("dense", 2L), "softplus"),
                        Map.of("scale", 2.0)))));
        Model written = SERIAL.build(config, Shape.of(2, 8), 2);
        Network java = Network.of(Shape.of(2, 8), Layers.conv1d(3, 3).padding(1).withBias(0.1), Layers.tanh(),
                Layers.avgPool(2), Layers.flatten(), Layers.dense(6), Layers.relu(),
                Layers.residual(0.5, Layers.dense(6), Layers.erf()),
                Layers.parallel(FanIn.CONCAT, Layers.serial(Layers.dense(2), Layers.softplus()), Layers.scale(2.0)),
                Layers.dense(2));
        assertEquals(java.layout(), written.layout());
        assertEquals(List.of("0.weight", "0.bias", "4.weight", "6.1.0.0.weight", "7.0.0.weight", "8.weight"),
                written.layout().names());
        Params w = Fixtures.point(java, 3);
        Batch batch = Fixtures.batch(java, 5, 4);
        assertArrayEquals(java.forward(w, batch).output(), written.forward(w, batch).output(), 0.0);
        Params gj = Fixtures.gradient(java, batch, TestLosses.squared(batch.targets(), ones(batch)), w);
        Params gw = Fixtures.gradient(written, batch, TestLosses.squared(batch.targets(), ones(batch)), w);
        assertEquals(0.0, Fixtures.maxAbsDiff(gj, gw));
        assertTrue(Fixtures.maxAbs(gj) > 0.01);
    }

    private static double[] ones(Batch batch) {
        double[] w = new double[batch.targets().length];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    @Test
    void withoutReadoutTheLastLayerMustGiveTheOutputs() {
        Config config = layers(Map.of("dense", 4L), "relu", Map.of("dense", Map.of("width", 3L, "bias", true)))
                .with("readout", false);
        assertEquals(List.of("0.weight", "2.weight", "2.bias"), SERIAL.build(config, Shape.of(5), 3).layout().names());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SERIAL.build(config, Shape.of(5), 2));
        assertEquals("layers: the last layer gives shape 3 but the data have 2 outputs (end with {dense: 2} or set "
                + "readout: true)", e.oneLine());
    }

    @Test
    void anUnknownLayerSuggestsTheNearest() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SERIAL.build(layers(Map.of("dense", 4L), "rleu"), Shape.of(5), 1));
        assertEquals("layers[1]: unknown layer 'rleu' (did you mean 'relu'?); layers: avgPool, conv, dense, erf, "
                + "flatten, frozen, gated, globalAvgPool, identity, parallel, relu, reshape, residual, scale, serial, "
                + "softplus, tanh", e.oneLine());
        e = assertThrows(InvalidInputException.class, () -> SERIAL.build(layers(
                Map.of("residual", Map.of("branch", List.of(Map.of("dense", Map.of("widht", 4L)))))), Shape.of(5), 1));
        assertEquals("layers[0].residual.branch[0].dense: unknown parameter 'widht' of layer dense (did you mean "
                + "'width'?); its parameters: [bias, biasVariance, weightVariance, width]", e.oneLine());
        e = assertThrows(InvalidInputException.class, () -> SERIAL.build(layers(Map.of("dense", 0L)), Shape.of(5), 1));
        assertEquals("layers[0].dense.width: value 0 is out of range [1, inf)", e.oneLine());
        e = assertThrows(InvalidInputException.class, () -> SERIAL.build(layers(Map.of("conv",
                Map.of("channels", 2L, "kernel", List.of(3L), "stride", List.of(1L, 1L)))), Shape.of(1, 5), 1));
        assertEquals("layers[0].conv.stride: [1, 1] has 2 entries but the kernel has 1", e.oneLine());
    }

    @Test
    void aShapeMismatchNamesTheLayerIndexAndTheShapes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SERIAL.build(
                layers(Map.of("dense", 8L), "relu", Map.of("conv", Map.of("channels", 2L, "kernel", List.of(3L)))),
                Shape.of(5), 1));
        assertEquals("layers[2]: layer 2 cannot read its input of shape 8: a 1-D convolution reads [c, l], got "
                + "shape 8", e.oneLine());
        e = assertThrows(InvalidInputException.class, () -> SERIAL.build(
                layers(Map.of("conv", Map.of("channels", 2L, "kernel", List.of(3L)))), Shape.of(1, 5), 1));
        assertEquals("readout: the readout (layer 1, dense 1) cannot read its input of shape 2x3: dense reads "
                + "vectors, got shape 2x3 (put flatten before it)", e.oneLine());
    }

    @Test
    void helpListsEveryLayerWithItsParameters() {
        List<String> help = SERIAL.help();
        assertEquals("layers (17 available now):", help.get(0));
        assertEquals("  avgPool - average pooling over windows, stride = window, no padding", help.get(1));
        assertTrue(help.contains("      width (the single value): whole number, required, [1, inf) - output units"),
                help.toString());
        assertTrue(help.contains("      fanIn: string, default sum, one of sum, concat - how the outputs join"),
                help.toString());
        assertTrue(help.contains("      branch (the single value): list of entries, required - the branch's layers, "
                + "applied in turn"), help.toString());
    }
}
