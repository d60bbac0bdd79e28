package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The .npy writer against a parser that follows numpy.lib.format: magic, version, 64-byte alignment, data. */
class NpyTest {
    @Test
    void aMatrixParsesBackExactly() {
        double[] k = {1.5, -2.25, Math.PI, 1e-300, Double.MAX_VALUE, -0.0};
        byte[] file = Npy.float64(k, 2, 3);
        NpyReader.Array a = NpyReader.parse(file);
        assertEquals("<f8", a.descr());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(k, a.data(), 0.0);
        assertEquals(0, (10 + a.headerLength()) % 64, "data must start at a multiple of 64 bytes");
        assertEquals(10 + a.headerLength() + 6 * 8, file.length);
    }

    @Test
    void indicesAreOneDimensionalInt64() {
        NpyReader.Array a = NpyReader.parse(Npy.int64(new int[] {0, 7, 49, 123456}));
        assertEquals("<i8", a.descr());
        assertArrayEquals(new int[] {4}, a.shape());
        assertArrayEquals(new double[] {0, 7, 49, 123456}, a.data(), 0.0);
        assertEquals("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }",
                new String(Npy.header("<i8", 4), java.nio.charset.StandardCharsets.US_ASCII).trim());
    }

    @Test
    void aShapeMustHoldTheValues() {
        assertThrows(IllegalArgumentException.class, () -> Npy.float64(new double[5], 2, 3));
    }
}
