package org.overparam.plugin.safetensors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/**
 * {@code hvp}: H v against central differences of the gradient, the random direction written, kept
 * and of norm 1, a direction read from a file, and the file's errors naming {@code direction}.
 */
class HvpTest {
    private static final Layout LAYOUT = Layouts.fc(3, 4, 1, 2, true);
    private static final int FROZEN = 1;

    @TempDir
    Path dir;

    private static Params point(long seed) {
        Params p = Params.zeros(LAYOUT);
        RandomStream r = RandomStream.of(seed);
        for (int i = 0; i < LAYOUT.count(); i++) {
            r.fillGaussian(p.block(i), 1.0);
        }
        return p;
    }

    private static RecordingSink hvp(long step, Params p, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        FakeSnapshot s = Layouts.snapshot(step, false, p, Scaling.identity(LAYOUT), Config.of(m));
        s.oracle = new LogCoshOracle(LAYOUT, 6, 21, FROZEN);
        s.random = RandomStream.of(99);
        RecordingSink sink = new RecordingSink().acceptingArtifacts();
        new HvpAnalyzer().analyze(s, sink);
        return sink;
    }

    private TensorFile read(byte[] bytes) throws IOException {
        Path f = dir.resolve("f" + System.nanoTime() + ".safetensors");
        Files.write(f, bytes);
        return Safetensors.read(f);
    }

    private static Params params(TensorFile f) {
        Params p = Params.zeros(LAYOUT);
        for (int i = 0; i < LAYOUT.count(); i++) {
            System.arraycopy(f.tensors().get(LAYOUT.block(i).name()).values(), 0, p.block(i), 0, p.block(i).length);
        }
        return p;
    }

    /** Asserts that hv is (g(p + h v) - g(p - h v)) / 2h of the oracle's gradient, coordinate by coordinate. */
    private static void assertFiniteDifference(Params p, Params v, Params hv) {
        LogCoshOracle o = new LogCoshOracle(LAYOUT, 6, 21, FROZEN);
        double h = 1e-5;
        Params gp = Params.zeros(LAYOUT);
        Params gm = Params.zeros(LAYOUT);
        o.gradient(p.copy().axpy(h, v), null, gp);
        o.gradient(p.copy().axpy(-h, v), null, gm);
        for (int b = 0; b < LAYOUT.count(); b++) {
            for (int j = 0; j < hv.block(b).length; j++) {
                double fd = (gp.block(b)[j] - gm.block(b)[j]) / (2 * h);
                assertEquals(fd, hv.block(b)[j], 1e-9, LAYOUT.block(b).name() + "[" + j + "]");
            }
        }
    }

    @Test
    void aRandomUnitDirectionIsWrittenAtStepZeroAndKept() throws IOException {
        Params p = point(1);
        RecordingSink first = hvp(0, p);
        assertEquals(List.of("hvp-direction.safetensors", "hvp-init.safetensors"), List.copyOf(first.artifacts.keySet()));
        TensorFile vf = read(first.artifacts.get("hvp-direction.safetensors"));
        assertEquals("direction", vf.metadata().get("overparam.values"));
        Params v = params(vf);
        assertEquals(1.0, v.norm(), 1e-15);
        assertArrayEquals(new double[LAYOUT.block(FROZEN).size()], v.block(FROZEN), 0, "no direction in a frozen block");
        TensorFile hf = read(first.artifacts.get("hvp-init.safetensors"));
        assertEquals("hvp", hf.metadata().get("overparam.values"));
        assertEquals("hvp-direction.safetensors", hf.metadata().get("overparam.direction"));
        Params hv = params(hf);
        assertFiniteDifference(p, v, hv);
        assertEquals(v.dot(hv), first.scalars.get("vhv"), 1e-15);
        assertEquals(hv.norm(), first.scalars.get("hv_norm"), 1e-15);

        Params later = point(2);
        RecordingSink again = hvp(40, later);
        assertEquals(List.of("hvp-step40.safetensors"), List.copyOf(again.artifacts.keySet()), "the direction once");
        assertFiniteDifference(later, v, params(read(again.artifacts.get("hvp-step40.safetensors"))));
    }

    @Test
    void effectiveCoordinatesAreWhatAutogradOnTheEffectiveWeightsGives() throws IOException {
        Scaling m = new Scaling(LAYOUT, List.of(org.overparam.api.BlockScale.of(0.5),
                org.overparam.api.BlockScale.of(2.0), new org.overparam.api.BlockScale(0.25, new double[] {1, 4, 0.5, 2}),
                org.overparam.api.BlockScale.of(3.0)));
        Params p = point(6);
        FakeSnapshot s = Layouts.snapshot(0, false, p, m, Config.of(Map.of("coordinates", "effective")));
        s.oracle = new LogCoshOracle(LAYOUT, 6, 21, FROZEN);
        s.random = RandomStream.of(99);
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        new HvpAnalyzer().analyze(s, out);
        TensorFile vf = read(out.artifacts.get("hvp-direction.safetensors"));
        assertEquals("effective", vf.metadata().get("overparam.coordinates"));
        Params vEff = params(vf);
        Params hvEff = params(read(out.artifacts.get("hvp-init.safetensors")));
        Scaling inverse = HvpAnalyzer.inverse(m);
        Params vRaw = inverse.multiplyInPlace(vEff.copy());
        LogCoshOracle o = new LogCoshOracle(LAYOUT, 6, 21, FROZEN);
        double h = 1e-5;
        Params gp = Params.zeros(LAYOUT);
        Params gm = Params.zeros(LAYOUT);
        o.gradient(p.copy().axpy(h, vRaw), null, gp);
        o.gradient(p.copy().axpy(-h, vRaw), null, gm);
        Params fd = inverse.multiplyInPlace(gp.axpy(-1, gm).scale(0.5 / h));
        for (int b = 0; b < LAYOUT.count(); b++) {
            for (int j = 0; j < fd.block(b).length; j++) {
                assertEquals(fd.block(b)[j], hvEff.block(b)[j], 1e-9, "grad_eff(theta_eff + h v) by the chain rule, "
                        + LAYOUT.block(b).name() + "[" + j + "]");
            }
        }
        assertEquals(vEff.dot(hvEff), out.scalars.get("vhv"), 1e-15);
        Params back = inverse.effective(m.effective(p));
        for (int b = 0; b < LAYOUT.count(); b++) {
            for (int j = 0; j < p.block(b).length; j++) {
                assertEquals(p.block(b)[j], back.block(b)[j], 4 * Math.ulp(p.block(b)[j]), "1/M undoes M");
            }
        }
    }

    @Test
    void chosenStepsOnly() {
        Params p = point(5);
        long[] steps = {0L, 7L};
        java.util.List<Long> chosen = java.util.List.of(0L, 7L);
        assertEquals(List.of("hvp-direction.safetensors", "hvp-init.safetensors"),
                List.copyOf(hvp(0, p, "steps", chosen).artifacts.keySet()));
        RecordingSink skipped = hvp(3, p, "steps", chosen);
        assertTrue(skipped.artifacts.isEmpty());
        assertTrue(skipped.scalars.isEmpty());
        assertEquals(List.of("hvp-step7.safetensors"), List.copyOf(hvp(steps[1], p, "steps", chosen).artifacts.keySet()));
        assertEquals(List.of("hvp-direction.safetensors"), List.copyOf(hvp(0, p, "steps", List.of(5L)).artifacts.keySet()),
                "the direction is written at step 0 even when 0 is not chosen");
    }

    @Test
    void aDirectionFromAFileIsUsedAsGiven() throws IOException {
        Params v = point(7);
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (int i = 0; i < LAYOUT.count(); i++) {
            if (i != FROZEN) {
                t.put(LAYOUT.block(i).name(), Tensor.of(LAYOUT.block(i).shape().dims(), v.block(i)));
            }
        }
        Path file = dir.resolve("v.safetensors");
        Safetensors.write(file, t, DType.F64, Map.of());
        Params p = point(3);
        RecordingSink out = hvp(0, p, "directionFile", file.toString(), "filePrefix", "curv");
        assertEquals(List.of("curv-init.safetensors"), List.copyOf(out.artifacts.keySet()));
        java.util.Arrays.fill(v.block(FROZEN), 0);
        assertFiniteDifference(p, v, params(read(out.artifacts.get("curv-init.safetensors"))));
    }

    @Test
    void aBadDirectionFileIsOneLineNamingTheParameterAtSetupOrAtTheFirstAnalysis() throws IOException {
        Params p = point(4);
        Path missing = dir.resolve("nope.safetensors");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> hvp(0, p, "directionFile", missing.toString()));
        assertEquals("directionFile", e.where());
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
        Path shape = dir.resolve("shape.safetensors");
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (int i = 0; i < LAYOUT.count(); i++) {
            t.put(LAYOUT.block(i).name(), Tensor.of(i == 0 ? new int[] {3, 4} : LAYOUT.block(i).shape().dims(),
                    new double[LAYOUT.block(i).size()]));
        }
        Safetensors.write(shape, t, DType.F64, Map.of());
        e = assertThrows(InvalidInputException.class, () -> hvp(0, p, "directionFile", shape.toString()));
        assertEquals(shape + ": tensor 'W1' has shape [3, 4] but the block is [4, 3]", e.getMessage());
        t.put("W1", Tensor.of(new int[] {4, 3}, new double[12]));
        t.remove("W_out");
        Safetensors.write(shape, t, DType.F64, Map.of());
        e = assertThrows(InvalidInputException.class, () -> hvp(0, p, "directionFile", shape.toString()));
        assertTrue(e.getMessage().endsWith("has no tensor 'W_out' (a trained block of shape [2, 4])"), e.getMessage());
        new HvpAnalyzer().adjustments(Config.of(Map.of("directionFile", shape.toString())), new LogCoshOracle(LAYOUT, 6, 21, FROZEN).model(), null);
        t.put("extra", Tensor.of(new int[] {1}, new double[1]));
        Safetensors.write(shape, t, DType.F64, Map.of());
        e = assertThrows(InvalidInputException.class, () -> hvp(0, p, "directionFile", shape.toString()));
        assertTrue(e.getMessage().contains("tensor 'extra' is not a block of the model"), e.getMessage());
        InvalidInputException before = assertThrows(InvalidInputException.class,
                () -> new HvpAnalyzer().adjustments(Config.of(Map.of("directionFile", shape.toString())), new LogCoshOracle(LAYOUT, 6, 21, FROZEN).model(), null));
        assertEquals(e.getMessage(), before.getMessage(), "the setup check says the same before the run starts");
        assertEquals("directionFile", assertThrows(InvalidInputException.class, () -> new HvpAnalyzer().adjustments(
                Config.of(Map.of("directionFile", missing.toString())), new LogCoshOracle(LAYOUT, 6, 21, FROZEN).model(), null)).where());
    }
}
