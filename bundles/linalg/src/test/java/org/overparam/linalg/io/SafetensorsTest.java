package org.overparam.linalg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips, the file written by Python's standard library, and the float16 decoder. */
class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFileWrittenByPythonsStandardLibrary() throws IOException {
        Path file = dir.resolve("fixture.safetensors");
        try (InputStream in = getClass().getResourceAsStream("fixture.safetensors")) {
            Files.copy(in, file);
        }
        TensorFile f = Safetensors.read(file);
        assertEquals(List.of("W_out", "W1", "b1", "scale", "half", "brain", "steps", "na\u00efve.weight", "empty"),
                List.copyOf(f.tensors().keySet()), "data order, whatever the header's order");
        assertEquals(Map.of("format", "pt", "written_by", "make_fixture.py (Python standard library)"), f.metadata());
        Tensor wOut = f.tensors().get("W_out");
        assertEquals(DType.F64, wOut.dtype());
        assertArrayEquals(new int[] {1, 3}, wOut.shape());
        assertArrayEquals(new double[] {0.25, -1.5, 1.0 / 3.0}, wOut.values(), 0);
        Tensor w1 = f.tensors().get("W1");
        assertEquals(DType.F32, w1.dtype());
        assertArrayEquals(new int[] {3, 2}, w1.shape());
        assertArrayEquals(new double[] {0.5, -1.25, 3.0, (float) 0.001, -2.5, 7.0}, w1.values(), 0);
        assertArrayEquals(new double[] {0.1, -0.2, 1e-300}, f.tensors().get("b1").values(), 0);
        Tensor scale = f.tensors().get("scale");
        assertArrayEquals(new int[0], scale.shape());
        assertArrayEquals(new double[] {Math.E}, scale.values(), 0);
        assertEquals(DType.F16, f.tensors().get("half").dtype());
        assertArrayEquals(new double[] {1.0, -2.0, 0x1p-14, 65504.0}, f.tensors().get("half").values(), 0);
        assertArrayEquals(new double[] {1.5, -3.0}, f.tensors().get("brain").values(), 0);
        assertEquals(DType.I64, f.tensors().get("steps").dtype());
        assertArrayEquals(new double[] {7, -3}, f.tensors().get("steps").values(), 0);
        assertArrayEquals(new double[] {42.0}, f.tensors().get("na\u00efve.weight").values(), 0);
        assertArrayEquals(new int[] {0, 2}, f.tensors().get("empty").shape());
        assertEquals(0, f.tensors().get("empty").values().length);
    }

    @Test
    void float64RoundTripKeepsEveryBit() throws IOException {
        Map<String, Tensor> t = sample(new Random(1));
        t.put("special", Tensor.of(new int[] {6}, new double[] {-0.0, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("overparam.step", "12");
        meta.put("quote \" and \\ and\nnewline", "\u00fcnicode \u2207 and a tab\t");
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, t, DType.F64, meta);
        TensorFile back = Safetensors.read(file);
        assertEquals(List.copyOf(t.keySet()), List.copyOf(back.tensors().keySet()));
        assertEquals(meta, back.metadata());
        for (String name : t.keySet()) {
            Tensor a = t.get(name);
            Tensor b = back.tensors().get(name);
            assertEquals(DType.F64, b.dtype());
            assertArrayEquals(a.shape(), b.shape(), name);
            for (int i = 0; i < a.values().length; i++) {
                assertEquals(Double.doubleToRawLongBits(a.values()[i]), Double.doubleToRawLongBits(b.values()[i]), name);
            }
        }
        assertArrayEquals(Files.readAllBytes(file), Safetensors.toBytes(t, DType.F64, meta));
    }

    @Test
    void float32RoundTripRoundsToNearest() throws IOException {
        Map<String, Tensor> t = sample(new Random(2));
        Path file = dir.resolve("w32.safetensors");
        Safetensors.write(file, t, DType.F32, Map.of());
        TensorFile back = Safetensors.read(file);
        for (String name : t.keySet()) {
            double[] a = t.get(name).values();
            double[] b = back.tensors().get(name).values();
            assertEquals(DType.F32, back.tensors().get(name).dtype());
            for (int i = 0; i < a.length; i++) {
                assertEquals((double) (float) a[i], b[i], 0, name);
                assertTrue(Math.abs(a[i] - b[i]) <= 0x1p-24 * Math.abs(a[i]), name + ": relative error above 2^-24");
            }
        }
        assertEquals(4L * (6 * 5 + 5 + 3 * 2 * 2 * 2), Files.size(file) - 8 - headerLength(file));
    }

    @Test
    void headerIsPaddedToEightBytesAndStartsWithTheMetadata() throws IOException {
        Path file = dir.resolve("a.safetensors");
        for (int extra = 0; extra < 9; extra++) {
            Safetensors.write(file, Map.of("w" + "x".repeat(extra), Tensor.of(new int[] {2}, new double[] {1, 2})),
                    DType.F64, Map.of());
            long n = headerLength(file);
            assertEquals(0, (8 + n) % 8);
            String text = new String(Files.readAllBytes(file), 8, (int) n, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("{\"__metadata__\":{}"), text);
            assertEquals(2, Safetensors.read(file).tensors().values().iterator().next().values().length);
        }
    }

    @Test
    void float16DecodesExactly() {
        assertEquals(1.0f, DType.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, DType.halfToFloat((short) 0xc000));
        assertEquals(65504.0f, DType.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, DType.halfToFloat((short) 0x0001));
        assertEquals(1023 * 0x1p-24f, DType.halfToFloat((short) 0x03ff));
        assertEquals(0x1p-14f, DType.halfToFloat((short) 0x0400));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(DType.halfToFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, DType.halfToFloat((short) 0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, DType.halfToFloat((short) 0xfc00));
        assertTrue(Float.isNaN(DType.halfToFloat((short) 0x7e00)));
        assertEquals(1.0f + 0x1p-10f, DType.halfToFloat((short) 0x3c01));
    }

    @Test
    void refusesWhatItCannotWrite() {
        Map<String, Tensor> t = Map.of("w", Tensor.of(new int[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(t, DType.F16, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.toBytes(
                Map.of("__metadata__", Tensor.of(new int[] {1}, new double[] {1})), DType.F64, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new int[] {2, 2}, new double[3]));
    }

    /** Three tensors of assorted shapes with values over many magnitudes. */
    private static Map<String, Tensor> sample(Random r) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("W1", Tensor.of(new int[] {6, 5}, values(r, 30)));
        t.put("b1", Tensor.of(new int[] {5}, values(r, 5)));
        t.put("conv.weight", Tensor.of(new int[] {3, 2, 2, 2}, values(r, 24)));
        return t;
    }

    private static double[] values(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
        }
        return v;
    }

    static long headerLength(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        return ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
