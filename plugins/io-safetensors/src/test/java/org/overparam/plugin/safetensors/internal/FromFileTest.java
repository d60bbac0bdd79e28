package org.overparam.plugin.safetensors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;

/**
 * {@code from-file}: a PyTorch MLP's weights (written outside Java) compute torch's outputs here;
 * missing, extra, mis-shaped and non-float tensors and broken files are named in one line.
 */
class FromFileTest {
    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path p = dir.resolve("torch_mlp.safetensors");
        try (InputStream in = getClass().getResourceAsStream("torch_mlp.safetensors")) {
            Files.copy(in, p);
        }
        return p;
    }

    static Initialization load(Path file, Layout layout, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("file", file.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new FromFileInitializer().initialize(Config.of(m), layout, RandomStream.of(0));
    }

    @Test
    void aTorchSequentialComputesTorchsOutputsHere() throws IOException {
        Path f = fixture();
        Layout layout = Layouts.fc(4, 8, 2, 3, true);
        Initialization init = load(f, layout);
        assertTrue(init.frozen().isEmpty());
        for (int i = 0; i < layout.count(); i++) {
            assertTrue(init.scaling().scale(i).isIdentity(), layout.block(i).name());
        }
        TensorFile file = Safetensors.read(f);
        double[] x = numbers(file.metadata().get("inputs"));
        double[] want = numbers(file.metadata().get("torch_outputs"));
        Params p = init.params();
        for (int s = 0; s < 5; s++) {
            double[] a = java.util.Arrays.copyOfRange(x, 4 * s, 4 * s + 4);
            a = relu(dense(p.block("W1"), p.block("b1"), a, 8));
            a = relu(dense(p.block("W2"), p.block("b2"), a, 8));
            a = dense(p.block("W_out"), p.block("b_out"), a, 3);
            for (int o = 0; o < 3; o++) {
                assertEquals(want[3 * s + o], a[o], 1e-6, "sample " + s + " output " + o + " (torch computes in float32)");
            }
        }
    }

    @Test
    void layoutMismatchNamesTheTensorAndBothShapes() throws IOException {
        Path f = fixture();
        expect(f, Layouts.fc(5, 8, 2, 3, true), f + ": tensor 'W1' has shape [8, 4] but the model's block W1 is [8, 5]");
        expect(f, Layouts.fc(4, 8, 3, 3, true), f + ": missing tensors W3 [8, 8], b3 [8]; the file has W1 [8, 4], b1 [8],"
                + " W2 [8, 8], b2 [8], W_out [3, 8], b_out [3] (names per architecture: docs/weights.md)");
        expect(f, Layouts.fc(4, 8, 2, 3, false), f + ": the model has no block for tensors b1 [8], b2 [8], b_out [3];"
                + " its blocks are [W1 [8, 4], W2 [8, 8], W_out [3, 8]]; rename them (docs/weights.md) or set allowExtra: true");
        Initialization lenient = load(f, Layouts.fc(4, 8, 2, 3, false), "allowExtra", true);
        assertEquals(Safetensors.read(f).tensors().get("W2").values()[5], lenient.params().block("W2")[5], 0);
    }

    @Test
    void tiedBlocksMayBeMissing() throws IOException {
        List<BlockSpec> blocks = new ArrayList<>(Layouts.fc(4, 8, 2, 3, true).blocks());
        blocks.add(new BlockSpec("G1", Shape.of(8, 4), BlockRole.INPUT, 4, false, "W1"));
        Initialization init = load(fixture(), new Layout(blocks));
        assertEquals(0.0, init.params().block("G1")[0], 0, "the engine copies W1 into it");
    }

    @Test
    void nonFloatTensorsBrokenFilesAndRawValues() throws IOException {
        Layout one = new Layout(List.of(BlockSpec.of("W1", Shape.of(2, 2), BlockRole.INPUT, 2)));
        Path ints = dir.resolve("ints.safetensors");
        Files.write(ints, intFile());
        expect(ints, one, ints + ": tensor 'W1' has dtype I64; weights must be F64, F32, F16 or BF16");
        Path broken = dir.resolve("broken.safetensors");
        Files.write(broken, new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0, '{', '}'});
        expect(broken, one, broken + ": the header length 200 (bytes 0-7, little-endian) exceeds the 2 bytes that follow");
        expect(dir.resolve("none.safetensors"), one, dir.resolve("none.safetensors") + " does not exist");
        Path raw = dir.resolve("raw.safetensors");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.VALUES, Metadata.RAW);
        Safetensors.write(raw, Map.of("W1", Tensor.of(new int[] {2, 2}, new double[4])), DType.F64, meta);
        expect(raw, one, raw + ": holds raw values (saved with values: raw), which mean nothing without their"
                + " multipliers; use scaling: file");
        expect(raw, one, raw + ": has no multiplier for block W1 (metadata overparam.multiplier.W1): it was not written"
                + " by save-weights; use scaling: identity", "scaling", "file");
    }

    private static byte[] intFile() {
        String h = "{\"W1\":{\"dtype\":\"I64\",\"shape\":[2,2],\"data_offsets\":[0,32]}}";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length() + 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length()).put(h.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return b.array();
    }

    private static void expect(Path file, Layout layout, String message, Object... keyValues) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> load(file, layout, keyValues));
        assertEquals("file", e.where(), e.oneLine());
        assertTrue(e.getMessage().startsWith(message), e.getMessage() + "\n  expected: " + message);
    }

    private static double[] dense(double[] w, double[] b, double[] a, int out) {
        double[] z = new double[out];
        for (int i = 0; i < out; i++) {
            z[i] = b[i];
            for (int j = 0; j < a.length; j++) {
                z[i] += w[i * a.length + j] * a[j];
            }
        }
        return z;
    }

    private static double[] relu(double[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.max(0, z[i]);
        }
        return z;
    }

    /** Parses a JSON list of numbers such as {@code [1.5, -2.0]}. */
    private static double[] numbers(String json) {
        String[] parts = json.replace("[", "").replace("]", "").split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i].strip());
        }
        return v;
    }
}
