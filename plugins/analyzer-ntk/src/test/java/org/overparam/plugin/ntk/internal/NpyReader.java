package org.overparam.plugin.ntk.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a version 1.0 .npy file the way numpy does, to check the writer byte by byte. */
final class NpyReader {
    private static final Pattern DICT = Pattern.compile(
            "\\{'descr': '(<[fi]8)', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n");

    /**
     * @param descr the dtype
     * @param shape the dimensions
     * @param data the values, as doubles (int64 converted)
     * @param headerLength the header's length in bytes
     */
    record Array(String descr, int[] shape, double[] data, int headerLength) {
    }

    private NpyReader() {
    }

    static Array parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (!(magic[0] == (byte) 0x93 && new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY"))) {
            throw new AssertionError("bad magic");
        }
        if (b.get() != 1 || b.get() != 0) {
            throw new AssertionError("not version 1.0");
        }
        int len = Short.toUnsignedInt(b.getShort());
        byte[] h = new byte[len];
        b.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        Matcher m = DICT.matcher(header);
        if (!m.matches()) {
            throw new AssertionError("header not understood: " + header);
        }
        String[] parts = m.group(2).split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[count++] = Integer.parseInt(p.trim());
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        double[] data = new double[(int) size];
        for (int i = 0; i < data.length; i++) {
            data[i] = m.group(1).equals("<f8") ? b.getDouble() : b.getLong();
        }
        if (b.hasRemaining()) {
            throw new AssertionError(b.remaining() + " bytes after the data");
        }
        return new Array(m.group(1), shape, data, len);
    }
}
