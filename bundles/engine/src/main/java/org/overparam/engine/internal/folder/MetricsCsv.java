package org.overparam.engine.internal.folder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.overparam.api.InvalidInputException;

/**
 * Reads back the metric histories of a run from the first bytes of its {@code metrics.csv}, as
 * {@link MetricsWriter} wrote them: the header, then {@code step,metric,value} rows with the name
 * quoted when it holds a comma, quote or line break, and values by {@link Double#toString}, which
 * reads back to the same bits. A resumed run gets its histories from here rather than from its
 * checkpoint, so a checkpoint's size does not grow with the steps taken.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    /**
     * @param file the run's metrics.csv
     * @param length how many of its bytes to read (a checkpoint's {@code metricsBytes})
     * @return every metric's history by full name (sorted by name), each in recording order
     * @throws InvalidInputException naming the file and row if it does not read as metrics.csv
     */
    public static Map<String, Series> histories(Path file, long length) {
        MetricStore out = new MetricStore((step, name, value) -> { });
        long row = 1;
        try (Reader in = new BufferedReader(new InputStreamReader(limited(Files.newInputStream(file), length),
                StandardCharsets.UTF_8), 1 << 16)) {
            String header = field(in, '\n');
            if (length > 0 && !(header + "\n").equals(MetricsWriter.HEADER)) {
                throw bad(file, row, "its header is not " + MetricsWriter.HEADER.strip());
            }
            for (int c = in.read(); c >= 0; c = in.read()) {
                row++;
                String step = (char) c + field(in, ',');
                int first = in.read();
                String name = first == '"' ? quoted(in) : first < 0 ? "" : (char) first + field(in, ',');
                String value = field(in, '\n');
                try {
                    out.record(Long.parseLong(step), name, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw bad(file, row, "'" + step + "' or '" + value + "' is not a number");
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read metrics.csv: " + e.getMessage());
        }
        return out.series();
    }

    /** The characters up to {@code end} (consumed) or the end of the input. */
    private static String field(Reader in, char end) throws IOException {
        StringBuilder b = new StringBuilder(24);
        for (int c = in.read(); c >= 0 && c != end; c = in.read()) {
            b.append((char) c);
        }
        return b.toString();
    }

    /** A quoted name after its opening quote, {@code ""} standing for a quote; consumes the comma after it. */
    private static String quoted(Reader in) throws IOException {
        StringBuilder b = new StringBuilder(32);
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '"') {
                int next = in.read();
                if (next != '"') {
                    return b.toString(); // next is the comma
                }
            }
            b.append((char) c);
        }
        return b.toString();
    }

    private static InvalidInputException bad(Path file, long row, String what) {
        return new InvalidInputException(file.toString(), "line " + row + " of metrics.csv does not read back: "
                + what + "; the run cannot be resumed from it");
    }

    private static InputStream limited(InputStream in, long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
