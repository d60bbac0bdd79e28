package org.overparam.linalg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The .npy writer byte by byte (magic, version, header dict, 64-byte alignment) and the reader on
 * files written by numpy 2.4's {@code numpy.save} (fixtures below, as hex).
 */
class NpyTest {
    /** {@code np.save(b, np.array([[1.5, -2.0, 3.25], [0.0, 1e-3, 7.0]], dtype=np.float32))}. */
    private static final String NUMPY_F4 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73652c"
            + "20277368617065273a2028322c2033292c207d20202020202020202020202020202020202020202020202020202020202020"
            + "2020202020202020202020202020202020202020202020202020200a0000c03f000000c000005040000000006f12833a0000"
            + "e040";
    /** {@code np.save(b, np.array([3, -1, 2**40], dtype=np.int64))}. */
    private static final String NUMPY_I8 = "934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e5f6f72646572273a2046616c73652c"
            + "20277368617065273a2028332c292c207d202020202020202020202020202020202020202020202020202020202020202020"
            + "2020202020202020202020202020202020202020202020202020200a0300000000000000ffffffffffffffff000000000001"
            + "0000";

    @Test
    void aMatrixIsWrittenAsNumpyLaysItOutAndReadsBackExactly() throws IOException {
        double[] k = {1.5, -2.25, Math.PI, 1e-300, Double.MAX_VALUE, -0.0};
        byte[] file = Npy.float64(k, 2, 3);
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        assertEquals(header, new String(file, 10, header.length(), StandardCharsets.US_ASCII));
        assertEquals(118, file[8] & 0xff, "header length: 128 - 10 bytes, so the data starts at byte 128");
        assertEquals('\n', file[127]);
        assertEquals(128 + 6 * 8, file.length);
        Npy.Array a = Npy.read(file, "k.npy");
        assertEquals("<f8", a.descr());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(k, a.values(), 0.0);
    }

    @Test
    void integersAreInt64WithAnOptionalShape() throws IOException {
        Npy.Array flat = Npy.read(Npy.int64(new int[] {0, 7, -49, 123456}), "i.npy");
        assertEquals("<i8", flat.descr());
        assertArrayEquals(new int[] {4}, flat.shape());
        assertArrayEquals(new double[] {0, 7, -49, 123456}, flat.values(), 0.0);
        assertArrayEquals(new int[] {2, 2}, Npy.read(Npy.int64(new int[4], 2, 2), "j.npy").shape());
        assertEquals("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }",
                new String(Npy.header("<i8", 4), StandardCharsets.US_ASCII).trim());
    }

    @Test
    void numpysOwnFilesAreRead() throws IOException {
        Npy.Array f = Npy.read(HexFormat.of().parseHex(NUMPY_F4), "f.npy");
        assertArrayEquals(new int[] {2, 3}, f.shape());
        assertArrayEquals(new double[] {1.5, -2.0, 3.25, 0.0, (float) 1e-3, 7.0}, f.values(), 0.0);
        Npy.Array i = Npy.read(HexFormat.of().parseHex(NUMPY_I8), "i.npy");
        assertArrayEquals(new double[] {3, -1, 0x1p40}, i.values(), 0.0);
    }

    @Test
    void badFilesAreOneLineNamingTheFile() {
        assertThrows(IllegalArgumentException.class, () -> Npy.float64(new double[5], 2, 3));
        byte[] good = HexFormat.of().parseHex(NUMPY_F4);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 4);
        assertEquals("c.npy: shape [2, 3] needs 24 bytes of data but the file has 20",
                assertThrows(IOException.class, () -> Npy.read(cut, "c.npy")).getMessage());
        byte[] fortran = Npy.float64(new double[6], 2, 3);
        byte[] t = new String(fortran, StandardCharsets.ISO_8859_1).replace("False", "True ")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("t.npy: the array is in Fortran order; save it with numpy.ascontiguousarray",
                assertThrows(IOException.class, () -> Npy.read(t, "t.npy")).getMessage());
        assertEquals("x.npy: not a .npy file (it does not start with \\x93NUMPY)",
                assertThrows(IOException.class, () -> Npy.read(new byte[20], "x.npy")).getMessage());
    }
}
