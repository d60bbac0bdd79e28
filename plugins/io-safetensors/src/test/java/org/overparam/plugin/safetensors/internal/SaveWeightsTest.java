package org.overparam.plugin.safetensors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.Component;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Initialization;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Task;
import org.overparam.api.run.ParamSpec;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.TensorFile;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/** {@code save-weights}: file names on the schedule and their prefix, effective values and metadata, the gradient, and the way back. */
class SaveWeightsTest {
    private static final Layout LAYOUT = Layouts.fc(3, 4, 1, 2, true);

    @TempDir
    Path dir;

    /** NTK-like multipliers, one block with per-input multipliers (as asymmetrical node scaling has). */
    private static Scaling scaling() {
        return new Scaling(LAYOUT, List.of(BlockScale.of(Math.sqrt(2.0 / 3)), BlockScale.of(0.1),
                new BlockScale(0.5, new double[] {0.3, 1.7, 0.9, 0.25}), BlockScale.ONE));
    }

    private static Params point(long seed) {
        Params p = Params.zeros(LAYOUT);
        RandomStream r = RandomStream.of(seed);
        for (int i = 0; i < LAYOUT.count(); i++) {
            r.fillGaussian(p.block(i), 1.0);
        }
        return p;
    }

    private static RecordingSink save(long step, boolean last, Params p, Object... keyValues) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        RecordingSink sink = new RecordingSink().acceptingArtifacts();
        FakeSnapshot s = Layouts.snapshot(step, last, p, scaling(), Config.of(m));
        LogCoshOracle oracle = new LogCoshOracle(LAYOUT, 5, 11, 1);
        s.oracle = oracle;
        s.model = oracle.model();
        s.loss = batch -> oracle.outputLoss();
        Batch b = oracle.batch();
        s.data = new Data(b, b.head(0), Task.REGRESSION, Map.of(), "log-cosh");
        new SaveWeightsAnalyzer().analyze(s, sink);
        assertEquals(0, oracle.sampleGradients(), "the export is not one of the run's gradient evaluations");
        return sink;
    }

    private Path file(byte[] content) throws IOException {
        Path f = dir.resolve("w.safetensors");
        Files.write(f, content);
        return f;
    }

    @Test
    void fileNamesFollowTheSchedule() {
        Params p = point(1);
        assertEquals(List.of("weights-init.safetensors"), List.copyOf(save(0, false, p).artifacts.keySet()));
        assertEquals(List.of("weights-step40.safetensors"), List.copyOf(save(40, false, p).artifacts.keySet()));
        assertEquals(List.of("weights-final.safetensors"), List.copyOf(save(100, true, p).artifacts.keySet()));
        RecordingSink zeroSteps = save(0, true, p);
        assertEquals(List.of("weights-init.safetensors", "weights-final.safetensors"), List.copyOf(zeroSteps.artifacts.keySet()));
        assertEquals(zeroSteps.artifacts.get("weights-init.safetensors").length, zeroSteps.scalars.get("bytes"), 0);
    }

    @Test
    void theFilePrefixNamesTheFilesSoTwoInstancesDoNotCollide() {
        Params p = point(1);
        assertEquals(List.of("snapshots-init.safetensors", "snapshots-final.safetensors"),
                List.copyOf(save(0, true, p, "filePrefix", "snapshots").artifacts.keySet()));
        assertEquals(List.of("g.v2-step5.safetensors"),
                List.copyOf(save(5, false, p, "filePrefix", "g.v2").artifacts.keySet()));
        for (String bad : new String[] {"", "a/b", "../w", ".hidden", "w s"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> save(0, false, p, "filePrefix", bad));
            assertEquals("filePrefix", e.where(), bad);
        }
    }

    @Test
    void theGradientIsTheRawGradientOfTheTrainingLossAgainstFiniteDifferences() throws IOException {
        Params p = point(5);
        TensorFile f = Safetensors.read(file(save(3, false, p, "values", "gradient").artifacts.get("weights-step3.safetensors")));
        LogCoshOracle oracle = new LogCoshOracle(LAYOUT, 5, 11, 1);
        assertEquals("gradient", f.metadata().get("overparam.values"));
        assertEquals(oracle.loss(p, null), Double.parseDouble(f.metadata().get("overparam.loss")), 0);
        assertEquals(LAYOUT.names(), List.copyOf(f.tensors().keySet()));
        double h = 1e-5;
        for (int b = 0; b < LAYOUT.count(); b++) {
            double[] g = f.tensors().get(LAYOUT.block(b).name()).values();
            for (int j = 0; j < g.length; j++) {
                if (b == 1) {
                    assertEquals(0.0, g[j], 0, "a frozen block's gradient is zero");
                    continue;
                }
                Params plus = p.copy();
                plus.block(b)[j] += h;
                Params minus = p.copy();
                minus.block(b)[j] -= h;
                double fd = (oracle.loss(plus, null) - oracle.loss(minus, null)) / (2 * h);
                assertEquals(fd, g[j], 1e-9, LAYOUT.block(b).name() + "[" + j + "]: central difference, h = 1e-5");
            }
        }
    }

    @Test
    void savesEffectiveWeightsWithTheMultipliersInTheMetadata() throws IOException {
        Params p = point(2);
        TensorFile f = Safetensors.read(file(save(7, false, p).artifacts.get("weights-step7.safetensors")));
        Params eff = scaling().effective(p);
        assertEquals(LAYOUT.names(), List.copyOf(f.tensors().keySet()));
        for (int i = 0; i < LAYOUT.count(); i++) {
            String name = LAYOUT.block(i).name();
            assertArrayEquals(LAYOUT.block(i).shape().dims(), f.tensors().get(name).shape());
            assertEquals(DType.F64, f.tensors().get(name).dtype());
            assertArrayEquals(eff.block(i), f.tensors().get(name).values(), 0, name);
        }
        Map<String, String> m = f.metadata();
        assertEquals("pt", m.get("format"));
        assertEquals("effective", m.get("overparam.values"));
        assertEquals("7", m.get("overparam.step"));
        assertEquals("fc", m.get("overparam.architecture"));
        assertEquals("8", m.get("overparam.architecture.width"));
        assertEquals("true", m.get("overparam.architecture.bias"));
        assertEquals("ntk", m.get("overparam.initializer"));
        assertEquals(Double.toString(Math.sqrt(2.0 / 3)), m.get("overparam.multiplier.W1"));
        assertEquals("0.5", m.get("overparam.multiplier.W_out"));
        assertEquals("0.3,1.7,0.9,0.25", m.get("overparam.multiplier.W_out.per_input"));
        assertEquals("1.0", m.get("overparam.multiplier.b_out"));
    }

    @Test
    void fromFileReadsItBackAsTheSameFunctionOrTheSameParameterization() throws IOException {
        Params p = point(3);
        Params eff = scaling().effective(p);
        Path f = file(save(0, false, p).artifacts.get("weights-init.safetensors"));
        Initialization identity = FromFileTest.load(f, LAYOUT);
        for (int i = 0; i < LAYOUT.count(); i++) {
            assertArrayEquals(eff.block(i), identity.params().block(i), 0, "effective values, multiplier 1");
            assertTrue(identity.scaling().scale(i).isIdentity());
        }
        Initialization restored = FromFileTest.load(f, LAYOUT, "scaling", "file");
        for (int i = 0; i < LAYOUT.count(); i++) {
            BlockScale want = scaling().scale(i);
            BlockScale got = restored.scaling().scale(i);
            assertEquals(want.scalar(), got.scalar(), 0);
            assertArrayEquals(want.perInput(), got.perInput(), 0);
            double[] a = p.block(i);
            double[] b = restored.params().block(i);
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j], b[j], 2 * Math.ulp(a[j]), "raw = effective / multiplier, within two ulps");
            }
        }
        Path raw = file(save(0, false, p, "values", "raw").artifacts.get("weights-init.safetensors"));
        Initialization exact = FromFileTest.load(raw, LAYOUT, "scaling", "file");
        for (int i = 0; i < LAYOUT.count(); i++) {
            assertArrayEquals(p.block(i), exact.params().block(i), 0, "raw values come back bit for bit");
        }
    }

    @Test
    void float32HalvesTheDataAndRoundsToNearest() throws IOException {
        Params p = point(4);
        byte[] f64 = save(0, false, p).artifacts.get("weights-init.safetensors");
        byte[] f32 = save(0, false, p, "dtype", "F32").artifacts.get("weights-init.safetensors");
        assertTrue(f32.length < f64.length);
        TensorFile f = Safetensors.read(file(f32));
        Params eff = scaling().effective(p);
        for (int i = 0; i < LAYOUT.count(); i++) {
            double[] v = f.tensors().get(LAYOUT.block(i).name()).values();
            for (int j = 0; j < v.length; j++) {
                assertEquals((float) eff.block(i)[j], v[j], 0);
            }
        }
    }

    @Test
    void schemasDocumentEveryParameter() {
        for (Component c : List.<Component>of(new SaveWeightsAnalyzer(), new FromFileInitializer(), new HvpAnalyzer(),
                new SaveDataAnalyzer())) {
            for (ParamSpec s : ParamSpec.of(c.configType())) {
                assertFalse(s.description().isBlank(), s.name());
                assertEquals(s.name().equals("file"), s.required(), s.name());
                if (!s.required()) {
                    s.check(s.name(), s.defaultValue());
                }
            }
        }
    }
}
