package org.overparam.linalg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format, version 1.0
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>):
 * the magic {@code \x93NUMPY}, the version bytes {@code 1 0}, the header length as a little-endian
 * uint16, an ASCII Python dict {@code {'descr': ..., 'fortran_order': False, 'shape': (...), }}
 * padded with spaces and ended by a newline so that the data starts at a multiple of 64 bytes, then
 * the raw little-endian values in C (row-major) order. {@code numpy.load} reads these files directly.
 * {@link #read} reads what numpy's {@code save} writes for little-endian float64/float32/int64/int32
 * arrays in C order (versions 1.0 and 2.0 of the header).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|])([fi])([48])'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([0-9,\\s]*)\\)");

    /**
     * An array read from a file.
     *
     * @param descr the file's dtype, e.g. {@code <f8}
     * @param shape the dimensions (empty: a scalar)
     * @param values the values, row-major, converted to double
     */
    public record Array(String descr, int[] shape, double[] values) {
    }

    private Npy() {
    }

    /**
     * @param values row-major values; not modified
     * @param shape the array's shape; the product must equal the number of values
     * @return the file's bytes, dtype {@code <f8}
     */
    public static byte[] float64(double[] values, int... shape) {
        ByteBuffer b = start("<f8", values.length, 8, shape);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /**
     * @param values row-major values; not modified
     * @param shape the array's shape (none: one-dimensional of {@code values.length})
     * @return the file's bytes, dtype {@code <i8}
     */
    public static byte[] int64(int[] values, int... shape) {
        ByteBuffer b = start("<i8", values.length, 8, shape.length == 0 ? new int[] {values.length} : shape);
        for (int v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /**
     * @param file the bytes of a .npy file
     * @param name the file's name, at the start of error messages
     * @return its array
     * @throws IOException one line naming the file if it is not a .npy file this reader understands
     */
    public static Array read(byte[] file, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 10 || !Arrays.equals(Arrays.copyOf(file, 6), Arrays.copyOf(MAGIC, 6))) {
            throw new IOException(name + ": not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = file[6];
        b.position(8);
        long len;
        if (major == 1) {
            len = Short.toUnsignedInt(b.getShort());
        } else if (major == 2 && file.length >= 12) {
            len = Integer.toUnsignedLong(b.getInt());
        } else {
            throw new IOException(name + ": .npy version " + major + "." + file[7] + " is not supported (1.0 or 2.0)");
        }
        if (len > b.remaining()) {
            throw new IOException(name + ": the .npy header says " + len + " bytes but the file ends before");
        }
        byte[] h = new byte[(int) len];
        b.get(h);
        String header = new String(h, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher o = ORDER.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !o.find() || !s.find()) {
            throw new IOException(name + ": dtype " + header.strip() + " is not supported; save float64, float32,"
                    + " int64 or int32 little-endian arrays");
        }
        if (o.group(1).equals("True")) {
            throw new IOException(name + ": the array is in Fortran order; save it with numpy.ascontiguousarray");
        }
        int[] shape = shape(s.group(1), name);
        long count = 1;
        for (int x : shape) {
            count *= x;
        }
        int size = Integer.parseInt(d.group(3));
        if (count * size != b.remaining()) {
            throw new IOException(name + ": shape " + Arrays.toString(shape) + " needs " + count * size
                    + " bytes of data but the file has " + b.remaining());
        }
        double[] v = new double[(int) count];
        boolean real = d.group(2).equals("f");
        for (int i = 0; i < v.length; i++) {
            v[i] = real ? (size == 8 ? b.getDouble() : b.getFloat()) : (size == 8 ? b.getLong() : b.getInt());
        }
        return new Array(d.group(1).replace('|', '<') + d.group(2) + d.group(3), shape, v);
    }

    private static int[] shape(String dims, String name) throws IOException {
        String[] parts = dims.split(",");
        int[] out = new int[parts.length];
        int count = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                long x = Long.parseLong(p.strip());
                if (x > Integer.MAX_VALUE) {
                    throw new IOException(name + ": dimension " + x + " is too large");
                }
                out[count++] = (int) x;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static ByteBuffer start(String descr, int count, int itemSize, int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + count
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

    /**
     * @param descr the dtype, e.g. {@code <f8}
     * @param shape the dimensions
     * @return the padded header dict, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }}
     */
    public static byte[] header(String descr, int... shape) {
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
