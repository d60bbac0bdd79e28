package org.overparam.dashboard.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.overparam.api.InvalidInputException;

/** A stream that refuses to give more than a number of bytes (an upload larger than it is bad input). */
final class LimitedStream extends FilterInputStream {
    private final long max;
    private long read;

    LimitedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > max) {
            throw new InvalidInputException("upload", "larger than " + (max >> 20) + " MiB");
        }
    }
}
