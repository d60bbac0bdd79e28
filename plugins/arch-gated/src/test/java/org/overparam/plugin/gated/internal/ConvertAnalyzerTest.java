package org.overparam.plugin.gated.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.RecordingSink;

/** The analyzer's metrics and its safetensors artifact, read back and loaded into fc. */
class ConvertAnalyzerTest {
    private static final Config ARCH = Config.of(Map.of("width", 24L, "depth", 2L));

    @TempDir
    Path dir;

    /** A run mid-training: raw NTK weights whose value blocks moved away from the gates. */
    private static Params trained(Model gated) {
        Params w = Gateds.ntkPoint(gated, 3);
        Params move = Fixtures.direction(gated, 4);
        for (String b : List.of("W1", "W2", "W_out")) {
            double[] v = w.block(b);
            for (int j = 0; j < v.length; j++) {
                v[j] += 0.2 * move.block(b)[j];
            }
        }
        return w;
    }

    /** @return what {@code gated-convert} reads of a run at step 40: no model, loss or oracle */
    private static FakeSnapshot run(String architecture, Params w, Scaling scaling, Batch train, Config config) {
        FakeSnapshot s = new FakeSnapshot(w, null, FakeSnapshot.trainingOnly(train), config);
        s.step = 40;
        s.scaling = scaling;
        s.loss = null;
        s.names.put(ComponentKind.ARCHITECTURE, architecture);
        s.configs.put(ComponentKind.ARCHITECTURE, ARCH);
        return s;
    }

    @Test
    void recordsTheCheckAndSavesWeightsThatLoadIntoFc() throws IOException {
        Model gated = GatedSurrogate.build(ARCH.as(GatedSurrogate.Settings.class), Shape.of(8), 2).network();
        Scaling scaling = Gateds.ntk(gated.layout());
        Params w = trained(gated);
        Batch train = Gateds.sphere(20, 8, 2, 5);
        RecordingSink sink = new RecordingSink().acceptingArtifacts();
        new ConvertAnalyzer().analyze(run("gated", w, scaling, train, Config.empty()), sink);

        assertEquals(List.of("max_abs_diff", "max_rel_diff", "error_bound", "c", "ratio", "margin", "failing_inputs"),
                List.copyOf(sink.scalars.keySet()));
        assertEquals(0.0, sink.scalars.get("failing_inputs"));
        assertTrue(sink.scalars.get("max_abs_diff") <= sink.scalars.get("error_bound"));
        assertTrue(sink.scalars.get("max_rel_diff") <= 1e-9);
        assertEquals(0.5 * sink.scalars.get("ratio"), sink.scalars.get("c"), 0.0);
        assertTrue(sink.scalars.get("margin") > 0);

        byte[] bytes = sink.artifacts.get("gated-converted-step40.safetensors");
        Path file = dir.resolve("converted.safetensors");
        Files.write(file, bytes);
        TensorFile read = Safetensors.read(file);
        assertEquals(List.of("W1", "W2", "W_out"), List.copyOf(read.tensors().keySet()));
        assertEquals("fc", read.metadata().get("overparam.architecture"));
        assertEquals("48", read.metadata().get("overparam.architecture.width"));
        assertEquals("2", read.metadata().get("overparam.architecture.depth"));
        assertEquals("effective", read.metadata().get("overparam.values"));
        assertEquals("1.0", read.metadata().get("overparam.multiplier.W_out"));
        assertEquals(sink.scalars.get("c"), Double.parseDouble(read.metadata().get("overparam.conversion.c")), 0.0);
        Model fc = new FullyConnected().build(Config.of(Map.of("width", 48L, "depth", 2L)), Shape.of(8), 2);
        double[][] blocks = new double[3][];
        for (int i = 0; i < 3; i++) {
            Tensor t = read.tensors().get(fc.layout().block(i).name());
            assertArrayEquals(fc.layout().block(i).shape().dims(), t.shape());
            blocks[i] = t.values();
        }
        double[] converted = fc.forward(Params.wrap(fc.layout(), blocks), train).output();
        double[] surrogate = scaling.wrap(gated).forward(w, train).output();
        double scale = Arrays.stream(surrogate).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < surrogate.length; i++) {
            assertEquals(surrogate[i], converted[i], 1e-9 * scale, "output " + i);
        }
    }

    @Test
    void failingInputsAreCountedAndListed() {
        Model gated = GatedSurrogate.build(ARCH.as(GatedSurrogate.Settings.class), Shape.of(8), 2).network();
        Params w = trained(gated);
        Batch sphere = Gateds.sphere(6, 8, 2, 6);
        double[] x = sphere.inputs().clone();
        Arrays.fill(x, 2 * 8, 3 * 8, 0.0);
        Batch train = new Batch(sphere.inputShape(), 6, x, 2, sphere.targets(), null);
        RecordingSink sink = new RecordingSink().acceptingArtifacts();
        new ConvertAnalyzer().analyze(run("gated", w, Gateds.ntk(gated.layout()), train,
                Config.of(Map.of("save", false))), sink);
        assertEquals(1.0, sink.scalars.get("failing_inputs"));
        assertArrayEquals(new double[] {2}, sink.series.get("failing")[0], 0.0);
        assertArrayEquals(new double[] {0}, sink.series.get("failing")[1], 0.0);
        assertTrue(sink.scalars.containsKey("failing_max_abs_diff"));
        assertTrue(sink.artifacts.isEmpty());
    }

    @Test
    void anotherArchitectureIsRefused() {
        Model gated = GatedSurrogate.build(ARCH.as(GatedSurrogate.Settings.class), Shape.of(8), 2).network();
        var e = assertThrows(InvalidInputException.class, () -> new ConvertAnalyzer().analyze(run("fc", trained(gated),
                Gateds.ntk(gated.layout()), Gateds.sphere(4, 8, 2, 7), Config.empty()),
                new RecordingSink().acceptingArtifacts()));
        assertEquals("gated-convert", e.where());
        assertEquals("converts the gated surrogate; this run's architecture is fc", e.getMessage());
    }
}
