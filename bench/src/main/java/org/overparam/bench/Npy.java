package org.overparam.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes little-endian float64 arrays in numpy's {@code .npy} format (version 1.0), the
 * files the Java and Python sides of the end-to-end benchmark share.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /**
     * @param file the file to write
     * @param values row-major values
     * @param shape their shape
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, double[] values, int... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims.toString().trim() + "), }";
        int total = MAGIC.length + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.asDoubleBuffer().put(values);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            out.write(h.length & 0xff);
            out.write(h.length >> 8);
            out.write(h);
            out.write(data.array());
        }
    }

    /**
     * @param file a float64 .npy file written by {@link #write} (or by numpy, C order)
     * @return its values, row-major
     * @throws IOException if it cannot be read or is not little-endian float64
     */
    static double[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream din = new DataInputStream(in)) {
            byte[] magic = new byte[8];
            din.readFully(magic);
            int len = din.readUnsignedByte() | din.readUnsignedByte() << 8;
            byte[] h = new byte[len];
            din.readFully(h);
            String header = new String(h, StandardCharsets.US_ASCII);
            if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
                throw new IOException(file + ": expected little-endian float64 in C order, got " + header.trim());
            }
            byte[] rest = din.readAllBytes();
            double[] v = new double[rest.length / 8];
            ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
            return v;
        }
    }
}
