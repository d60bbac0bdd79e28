package org.overparam.engine.internal.checkpoint;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads a checkpoint's body ({@link CheckpointCodec}) from a {@link DataInputStream}, knowing how many
 * bytes the body has left, so that a damaged count cannot make it allocate more than the file holds:
 * every read past the end, and every count above the bytes left, is an
 * {@link IllegalArgumentException}.
 */
public final class BoundedInput {
    private static final int CHUNK = 8192;
    private final DataInputStream in;
    private long remaining;

    /**
     * @param in the stream
     * @param remaining the body's bytes left to read
     */
    BoundedInput(DataInputStream in, long remaining) {
        this.in = in;
        this.remaining = remaining;
    }

    /** @return the bytes left */
    long remaining() {
        return remaining;
    }

    /** @return the next long */
    long readLong() throws IOException {
        take(Long.BYTES);
        return in.readLong();
    }

    /** @return the next int */
    int readInt() throws IOException {
        take(Integer.BYTES);
        return in.readInt();
    }

    /** @return the next boolean (one byte) */
    boolean readBoolean() throws IOException {
        take(1);
        return in.readBoolean();
    }

    /**
     * @param what the value's name, for the error
     * @return the next long, checked not negative
     */
    long nonNegativeLong(String what) throws IOException {
        long v = readLong();
        if (v < 0) {
            throw new IllegalArgumentException(what + " " + v + " is negative");
        }
        return v;
    }

    /** @return a count, at least 0 and at most the bytes left */
    int count() throws IOException {
        int n = readInt();
        if (n < 0 || n > remaining) {
            throw new IllegalArgumentException("a count of " + n + " does not fit the " + remaining + " bytes left");
        }
        return n;
    }

    /** @return the next string: an int byte count, then UTF-8 bytes */
    String string() throws IOException {
        byte[] b = new byte[count()];
        take(b.length);
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * @param n how many
     * @return the next n doubles, from their raw bits
     */
    double[] doubles(int n) throws IOException {
        take((long) n * Double.BYTES);
        double[] out = new double[n];
        byte[] chunk = new byte[Math.min(n, CHUNK) * Double.BYTES];
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            in.readFully(chunk, 0, k * Double.BYTES);
            ByteBuffer.wrap(chunk, 0, k * Double.BYTES).asDoubleBuffer().get(out, from, k);
        }
        return out;
    }

    private void take(long bytes) {
        if (bytes > remaining) {
            throw new IllegalArgumentException("the body ends " + (bytes - remaining) + " bytes too early");
        }
        remaining -= bytes;
    }
}
