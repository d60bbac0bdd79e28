package org.overparam.engine.internal;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A run's metrics.csv in long format: a header {@code step,metric,value}, then one row per recorded
 * value in recording order, values printed by {@link Double#toString} (exact: it reads back to the
 * same double). Names holding a comma, quote or line break are quoted as RFC 4180 says.
 *
 * <p>Rows are buffered; {@link #flushIfDue} writes them out when a second has passed since the last
 * flush, or at once when {@code eager} (the run calls it after each step, eager when steps are slow),
 * and {@link #close} at the end. Plain {@code java.io} streams are used so that an interrupt of the
 * run's thread does not close the file.
 */
final class MetricsWriter implements MetricStore.Sink, AutoCloseable {
    private static final long FLUSH_NANOS = 1_000_000_000L;
    private final Writer out;
    private long lastFlush = System.nanoTime();
    private boolean pending;

    /** @param file the file to create @throws UncheckedIOException if it cannot be created */
    MetricsWriter(Path file) {
        try {
            out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile()), StandardCharsets.UTF_8),
                    1 << 16);
            out.write("step,metric,value\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void record(long step, String name, double value) {
        try {
            out.write(Long.toString(step));
            out.write(',');
            out.write(csv(name));
            out.write(',');
            out.write(Double.toString(value));
            out.write('\n');
            pending = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics.csv", e);
        }
    }

    /** @param eager whether to flush pending rows even if the last flush was less than a second ago */
    void flushIfDue(boolean eager) {
        long now = System.nanoTime();
        if (pending && (eager || now - lastFlush >= FLUSH_NANOS)) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write metrics.csv", e);
            }
            pending = false;
            lastFlush = now;
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** @param field a value @return it as a CSV field, quoted when needed */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
