package org.overparam.engine.internal.folder;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * A run's metrics.csv in long format: a header {@code step,metric,value}, then one row per recorded
 * value in recording order, values printed by {@link Double#toString} (exact: it reads back to the
 * same double). Names holding a comma, quote or line break are quoted as RFC 4180 says.
 *
 * <p>Rows are buffered; {@link #flushIfDue} writes them out when a second has passed since the last
 * flush, or at once when {@code eager} (the run calls it after each step, eager when steps are slow),
 * and {@link #close} at the end, which also forces the file to disk. {@link #bytes()} counts the bytes
 * written, so a checkpoint can say where the file ended; {@link #resume} reopens a file cut back to
 * such a length. Plain {@code java.io} streams are used so that an interrupt of the run's thread does
 * not close the file.
 *
 * <p>Each row also goes to the run's {@link StoreFeed} (the run store, when present), which is handed
 * its rows at each flush and waited for at {@link #sync} (before a checkpoint), so the store follows
 * the file.
 */
public final class MetricsWriter implements MetricStore.Sink, AutoCloseable {
    private static final long FLUSH_NANOS = 1_000_000_000L;
    private final FileOutputStream file;
    private final Counting counted;
    private final Writer out;
    private long lastFlush = System.nanoTime();
    private boolean pending;
    private boolean closed;
    private StoreFeed feed = StoreFeed.NONE;

    private MetricsWriter(FileOutputStream file, long length) {
        this.file = file;
        this.counted = new Counting(file, length);
        this.out = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * @param file the file to create
     * @throws UncheckedIOException if it cannot be created
     */
    public MetricsWriter(Path file) {
        this(open(file, false), 0);
        try {
            out.write(MetricsCsv.HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reopens an existing metrics.csv for appending after cutting it to {@code length} bytes.
     *
     * @param file the file
     * @param length the bytes to keep (at most the file's length)
     * @return the writer, positioned at the end of the kept bytes
     * @throws UncheckedIOException if the file cannot be cut or opened
     */
    public static MetricsWriter resume(Path file, long length) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() < length) {
                throw new IOException("it has " + raf.length() + " bytes, fewer than the " + length + " to keep");
            }
            raf.setLength(length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut " + file + " back", e);
        }
        return new MetricsWriter(open(file, true), length);
    }

    private static FileOutputStream open(Path file, boolean append) {
        try {
            return new FileOutputStream(file.toFile(), append);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @param feed where rows go besides the file (the run store) */
    public void feed(StoreFeed feed) {
        this.feed = feed;
    }

    @Override
    public void record(long step, String name, double value) {
        feed.record(step, name, value);
        try {
            out.write(MetricsCsv.row(step, name, value));
            pending = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics.csv", e);
        }
    }

    /** @param eager whether to flush pending rows even if the last flush was less than a second ago */
    public void flushIfDue(boolean eager) {
        long now = System.nanoTime();
        if (pending && (eager || now - lastFlush >= FLUSH_NANOS)) {
            flush();
            lastFlush = now;
        }
    }

    /** @return the file's length with every row recorded so far (pending rows are flushed first) */
    public long bytes() {
        if (!closed) {
            flush();
        }
        return counted.count;
    }

    /** Flushes the rows recorded so far and forces the file to disk. @throws UncheckedIOException on failure */
    public void sync() {
        if (closed) {
            return;
        }
        flush();
        feed.sync();
        try {
            file.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force metrics.csv to disk", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            out.flush();
            feed.flush();
            file.getFD().sync();
        } finally {
            closed = true;
            out.close();
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics.csv", e);
        }
        feed.flush();
        pending = false;
    }

    /** Counts the bytes that reach the file. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out, long start) {
            super(out);
            this.count = start;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
