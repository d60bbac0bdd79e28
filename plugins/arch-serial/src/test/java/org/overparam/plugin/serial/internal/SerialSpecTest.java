package org.overparam.plugin.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.api.run.RunSpec;
import org.overparam.experiment.internal.YamlSpecReader;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.Fixtures;

/** A {@code serial} net written in an experiment file: read, overridden inside its layers, built. */
class SerialSpecTest {
    private final YamlSpecReader reader = new YamlSpecReader(new SpecRegistry());

    private static Path file() throws URISyntaxException {
        return Path.of(SerialSpecTest.class.getResource("/composed.yaml").toURI());
    }

    private static Network java(int width) {
        return Network.of(Shape.of(4), Layers.reshape(1, 4), Layers.conv1d(3, 3).padding(1), Layers.relu(),
                Layers.flatten(), Layers.dense(width), Layers.relu(),
                Layers.residual(0.5, Layers.dense(width), Layers.relu()), Layers.dense(1));
    }

    private static Model build(RunSpec spec) {
        Config config = spec.component(ComponentKind.ARCHITECTURE).config();
        return ShippedLayerTypes.architecture().build(config, Shape.of(4), 1);
    }

    private static void assertSameNet(Network expected, Model actual) {
        assertEquals(expected.layout(), actual.layout());
        Params w = Fixtures.point(expected, 7);
        Batch batch = Fixtures.batch(expected, 6, 8);
        assertArrayEquals(expected.forward(w, batch).output(), actual.forward(w, batch).output(), 0.0);
    }

    @Test
    void theFileGivesTheNetBuiltInJavaAndItsResolvedTextReadsBackEqual() throws Exception {
        RunSpec spec = reader.read(file(), List.of());
        assertSameNet(java(8), build(spec));
        assertEquals(List.of(List.of(1L, 4L)), ((Map<?, ?>) ((List<?>) spec.component(ComponentKind.ARCHITECTURE)
                .config().get("layers")).get(0)).values().stream().toList());
        java.nio.file.Path again = java.nio.file.Files.createTempFile("serial", ".yaml");
        try {
            java.nio.file.Files.writeString(again, spec.text());
            RunSpec reread = reader.read(again, List.of());
            assertEquals(spec.component(ComponentKind.ARCHITECTURE).config(),
                    reread.component(ComponentKind.ARCHITECTURE).config());
            assertEquals(spec.text(), reread.text());
        } finally {
            java.nio.file.Files.delete(again);
        }
    }

    @Test
    void overridesReachInsideTheLayers() throws Exception {
        RunSpec spec = reader.read(file(), List.of("architecture.layers[4].dense=16",
                "architecture.layers.6.residual.branch[0].dense=16"));
        assertSameNet(java(16), build(spec));
    }

    @Test
    void aBadValueInsideTheLayersIsFoundWhenTheNetIsBuilt() throws Exception {
        RunSpec spec = reader.read(file(), List.of("architecture.layers[2]=rleu"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> build(spec));
        assertEquals("layers[2]: unknown layer 'rleu' (did you mean 'relu'?); layers: avgPool, conv, dense, erf, "
                + "flatten, frozen, gated, globalAvgPool, identity, parallel, relu, reshape, residual, scale, serial, "
                + "softplus, tanh", e.oneLine());
    }
}
