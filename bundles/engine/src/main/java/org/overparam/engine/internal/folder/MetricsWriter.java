package org.overparam.engine.internal.folder;

import com.google.common.util.concurrent.Uninterruptibles;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * A run's metrics.csv in long format: a header {@code step,metric,value}, then one row per recorded
 * value in recording order, values printed by {@link Double#toString} (exact: it reads back to the
 * same double). Names holding a comma, quote or line break are quoted as RFC 4180 says.
 *
 * <p>Off the step thread: {@link #record} puts the row in a bounded queue ({@link #QUEUE_ROWS}) and
 * returns; a writer thread of this run prints it, buffers it and hands it to the run's
 * {@link StoreFeed} (the run store, when present), in recording order. A full queue makes
 * {@link #record} wait for the writer thread (back-pressure: the steps never run more than the
 * queue ahead of the file). {@link #flushIfDue} asks the writer thread to write the buffered rows out
 * when a second has passed since the last flush, or at once when {@code eager} (the run calls it
 * after each step, eager when steps are slow).
 *
 * <p>Nothing is lost on a normal stop, and a checkpoint never counts a row that is not in the file:
 * {@link #bytes()} (the length a checkpoint records) and {@link #sync} (called before a checkpoint is
 * written) wait until the writer thread has written and flushed every row recorded so far, and
 * {@link #close} (before result.json) drains the queue, flushes, forces the file to disk and stops the
 * thread. {@link #resume} reopens a file cut back to a checkpoint's length. A write that fails is
 * reported on the step thread at its next call. Plain {@code java.io} streams are used, and the
 * waits go on through interrupts (which are kept for the run to see), so that an interrupt of the
 * run's thread does not close the file or drop a row.
 */
public final class MetricsWriter implements MetricStore.Sink, AutoCloseable {
    /** The rows the step thread may be ahead of the writer thread; then {@link #record} waits. */
    static final int QUEUE_ROWS = 8192;
    private static final long FLUSH_NANOS = 1_000_000_000L;
    private final FileOutputStream file;
    private final Counting counted;
    private final Writer out;
    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private volatile StoreFeed feed = StoreFeed.NONE;
    private volatile Exception failure;
    private long lastFlush = System.nanoTime();
    private boolean pending;
    private boolean closed;

    /** What the step thread hands the writer thread. */
    private sealed interface Item permits Row, Flush {
    }

    private record Row(long step, String name, double value) implements Item {
    }

    /** Write the buffered rows out and hand the feed its rows; then count {@code done} down, if any. */
    private record Flush(CountDownLatch done, boolean last) implements Item {
    }

    /**
     * @param file the open file
     * @param length its length so far
     * @param header whether to start it with the header
     * @param capacity the queue's rows
     * @param run the run's folder name, for the writer thread's name
     */
    MetricsWriter(FileOutputStream file, long length, boolean header, int capacity, String run) {
        this.file = file;
        this.counted = new Counting(file, length);
        this.out = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16);
        this.queue = new ArrayBlockingQueue<>(capacity);
        if (header) {
            try {
                out.write(MetricsCsv.HEADER);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write metrics.csv", e);
            }
        }
        this.thread = new Thread(this::drain, "overparam-metrics " + run);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param file the file to create
     * @throws UncheckedIOException if it cannot be created
     */
    public MetricsWriter(Path file) {
        this(open(file, false), 0, true, QUEUE_ROWS, runName(file));
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
        return new MetricsWriter(open(file, true), length, false, QUEUE_ROWS, runName(file));
    }

    private static String runName(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
    }

    private static FileOutputStream open(Path file, boolean append) {
        try {
            return new FileOutputStream(file.toFile(), append);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @param feed where rows go besides the file (the run store); set before the first row */
    public void feed(StoreFeed feed) {
        this.feed = feed;
    }

    /** Queues the row; waits while the queue is full. @throws UncheckedIOException if a write failed */
    @Override
    public void record(long step, String name, double value) {
        failed();
        put(new Row(step, name, value));
        pending = true;
    }

    /** @param eager whether to flush pending rows even if the last flush was less than a second ago */
    public void flushIfDue(boolean eager) {
        long now = System.nanoTime();
        if (pending && (eager || now - lastFlush >= FLUSH_NANOS)) {
            put(new Flush(null, false));
            pending = false;
            lastFlush = now;
        }
        failed();
    }

    /** @return the file's length with every row recorded so far (they are written and flushed first) */
    public long bytes() {
        if (!closed) {
            drained();
        }
        return counted.count;
    }

    /** Writes and flushes the rows recorded so far and forces the file to disk. @throws UncheckedIOException on failure */
    public void sync() {
        if (closed) {
            return;
        }
        drained();
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
            put(new Flush(null, true));
            join();
            if (failure != null) {
                throw new IOException("cannot write metrics.csv", failure);
            }
            file.getFD().sync();
        } finally {
            closed = true;
            out.close();
        }
    }

    /** The writer thread: rows into the buffer and the feed, flushes on request, until the last. */
    private void drain() {
        while (true) {
            Item item = take();
            try {
                if (failure == null && item instanceof Row r) {
                    feed.record(r.step(), r.name(), r.value());
                    out.write(MetricsCsv.row(r.step(), r.name(), r.value()));
                } else if (failure == null) {
                    out.flush();
                    feed.flush();
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            if (item instanceof Flush f) {
                if (f.done() != null) {
                    f.done().countDown();
                }
                if (f.last()) {
                    return;
                }
            }
        }
    }

    /** Waits until the writer thread has written and flushed every row queued so far. */
    private void drained() {
        CountDownLatch done = new CountDownLatch(1);
        put(new Flush(done, false));
        pending = false;
        Uninterruptibles.awaitUninterruptibly(done);
        failed();
    }

    private void put(Item item) {
        Uninterruptibles.putUninterruptibly(queue, item);
    }

    /** The writer thread is this writer's own; nobody else stops it. */
    private Item take() {
        return Uninterruptibles.takeUninterruptibly(queue);
    }

    private void join() {
        Uninterruptibles.joinUninterruptibly(thread);
    }

    private void failed() {
        Exception e = failure;
        if (e != null) {
            throw new UncheckedIOException("cannot write metrics.csv",
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    /** Counts the bytes that reach the file (written by the writer thread, read after it drained). */
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
