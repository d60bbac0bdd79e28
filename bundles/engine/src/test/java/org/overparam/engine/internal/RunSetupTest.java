package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.engine.internal.loop.Prepared;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentTable;

/** Setup without a run folder: tied blocks, frozen blocks, streams and error locations. */
class RunSetupTest {
    private static Prepared prepare(RunSpec spec) {
        ComponentTable registry = TestRegistry.standard();
        return RunSetup.prepare(registry, new Bindings(registry, 0, null), spec);
    }

    @Test
    void tiedBlockCopiesValuesAndMultiplierAndIsFrozen() {
        Prepared p = prepare(Specs.base().with(ComponentKind.ARCHITECTURE, "linear", Map.of("gate", true, "width", 4L)).build());
        int w = p.params().layout().indexOf("W");
        int g = p.params().layout().indexOf("G");
        assertArrayEquals(p.params().block(w), p.params().block(g), 0.0);
        assertEquals(p.scaling().scale(w).scalar(), p.scaling().scale(g).scalar(), 0.0);
        assertEquals(Math.sqrt(1.0 / 3), p.scaling().scale(g).scalar(), 1e-15, "W's multiplier, not G's own 1");
        assertArrayEquals(new boolean[] {true, true, false}, p.trainable());
        assertArrayEquals(p.params().block(w), p.initial().block(w), 0.0);
    }

    @Test
    void streamsAreDerivedFromTheSeedByPurpose() {
        Prepared p = prepare(Specs.base().seed(11).analyzer("probe", "lens", 1, Map.of()).build());
        RandomStream root = RandomStream.of(11);
        assertEquals(root.derive("optimizer").nextLong(), p.optimizerStream().nextLong());
        assertEquals(root.derive("analyzer.lens").nextLong(), p.analyzerStreams().get("lens").nextLong());
        double[] w = new double[3];
        root.derive("initializer").fillGaussian(w, 1.0);
        assertArrayEquals(w, p.initial().block("W"), 0.0);
    }

    @Test
    void duplicateAndReservedAnalyzerLabelsAreRejected() {
        assertThrows(InvalidInputException.class, () -> prepare(Specs.base()
                .analyzer("probe", "p", 1, Map.of()).analyzer("probe", "p", 2, Map.of()).build()));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> prepare(Specs.base().analyzer("probe", "train", 1, Map.of()).build()));
        assertEquals("test.yaml:30: analyzers: the label 'train' is reserved for the run's own metrics", e.oneLine());
    }

    @Test
    void anAnalyzerCanRefuseTheRunAtSetupLocatedAtItsEntry(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runs)
            throws java.io.IOException {
        prepare(Specs.base().analyzer("probe", "p", 1, Map.of("maxSamples", 3L)).build());
        RunSpec spec = Specs.base().analyzer("probe", "a", 1, Map.of())
                .analyzer("probe", "p", 1, Map.of("maxSamples", 2L)).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> prepare(spec));
        assertEquals("test.yaml:31: analyzer.maxSamples: 3 samples are more than 2 (2 blocks)", e.oneLine());
        assertThrows(InvalidInputException.class, () -> new Run(TestRegistry.standard(), spec, runs,
                org.overparam.api.run.RunListener.NONE, 0).execute());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(runs)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void locatePutsTheParameterUnderItsKindAtTheEntry() {
        ComponentRef arch = new ComponentRef(ComponentKind.ARCHITECTURE, "fc", Config.empty(), "quickstart.yaml:8");
        assertEquals("quickstart.yaml:8: architecture.width: width 0 is below 1",
                RunSetup.locate(arch, new InvalidInputException("width", "width 0 is below 1")).oneLine());
        assertEquals("quickstart.yaml:8: architecture.width: w",
                RunSetup.locate(arch, new InvalidInputException("architecture.width", "w")).oneLine());
        assertEquals("quickstart.yaml:8: architecture: no",
                RunSetup.locate(arch, new InvalidInputException("", "no")).oneLine());
        ComponentRef data = new ComponentRef(ComponentKind.DATASET, "idx", Config.empty(), "");
        assertEquals("/data/train.gz: truncated",
                RunSetup.locate(data, new InvalidInputException("/data/train.gz", "truncated")).oneLine());
    }
}
