package org.overparam.plugin.ntk.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * numpy's {@code .npy} format, version 1.0
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>):
 * the magic {@code \x93NUMPY}, the version bytes {@code 1 0}, the header length as a little-endian
 * uint16, an ASCII Python dict {@code {'descr': ..., 'fortran_order': False, 'shape': (...), }}
 * padded with spaces and ended by a newline so that the data starts at a multiple of 64 bytes, then
 * the raw little-endian values in C (row-major) order. {@code numpy.load} reads these files directly.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /**
     * @param values row-major values; not modified
     * @param shape the array's shape; the product must equal the number of values
     * @return the file's bytes, dtype {@code <f8}
     */
    static byte[] float64(double[] values, int... shape) {
        ByteBuffer b = start("<f8", values.length, 8, shape);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /**
     * @param values the values; not modified
     * @return a one-dimensional file of dtype {@code <i8}
     */
    static byte[] int64(int[] values) {
        ByteBuffer b = start("<i8", values.length, 8, values.length);
        for (int v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static ByteBuffer start(String descr, int count, int itemSize, int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != count) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " does not hold " + count
                    + " values");
        }
        if (count > (Integer.MAX_VALUE - 65536) / itemSize) {
            throw new IllegalArgumentException(count + " values do not fit one .npy buffer");
        }
        byte[] header = header(descr, shape);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + header.length + count * itemSize)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) header.length).put(header);
        return b;
    }

    /** @return the padded header dict, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }} */
    static byte[] header(String descr, int... shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        if (text.length() > 0xffff) {
            throw new IllegalArgumentException("a header of " + text.length() + " bytes does not fit version 1.0");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
