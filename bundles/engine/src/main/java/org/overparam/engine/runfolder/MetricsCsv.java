package org.overparam.engine.runfolder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.overparam.api.InvalidInputException;

/**
 * The format of a run's metrics.csv: a header {@link #HEADER}, then one {@code step,metric,value} row
 * per recorded scalar in recording order; the name is quoted as RFC 4180 says when it holds a comma,
 * quote or line break, and the value is printed by {@link Double#toString}, which reads back to the
 * same bits. {@link #row} writes a row, {@link #read} reads a file back, streaming (a run's file can
 * hold millions of rows). A last row without its line break (the run is still writing it) is skipped,
 * as are blank lines; any other malformed row is an error naming {@code file:line}.
 */
public final class MetricsCsv {
    /** The header line, with its line break. */
    public static final String HEADER = "step,metric,value\n";

    /** Receives the rows read. */
    @FunctionalInterface
    public interface Rows {
        /**
         * @param step the step
         * @param metric the metric's full name
         * @param value its value there
         */
        void row(long step, String metric, double value);
    }

    private MetricsCsv() {
    }

    /**
     * @param step a step
     * @param metric a metric's full name
     * @param value its value
     * @return the row, with its line break
     */
    public static String row(long step, String metric, double value) {
        return step + "," + field(metric) + "," + value + "\n";
    }

    /**
     * @param field a value
     * @return it as a CSV field, quoted when needed
     */
    public static String field(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * @param file a metrics.csv
     * @param length how many of its first bytes to read ({@link Long#MAX_VALUE} for all of it; a
     *     checkpoint's byte count for a resume); 0 reads nothing
     * @param rows receives each row in file order
     * @throws InvalidInputException naming {@code file:line} if it cannot be read or does not read as
     *     metrics.csv
     */
    public static void read(Path file, long length, Rows rows) {
        if (length == 0) {
            return;
        }
        try (Reader in = new BufferedReader(new InputStreamReader(limited(Files.newInputStream(file), length),
                StandardCharsets.UTF_8), 1 << 16)) {
            header(in, file);
            rows(in, file, 1, rows);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read metrics.csv: " + e.getMessage());
        }
    }

    /**
     * Reads the whole rows after a byte offset that ends a row (a file read up to it before, by
     * {@link #readFrom} or as its size when it ended at a row's end), so that a file that grows is read once.
     *
     * @param file a metrics.csv
     * @param from the byte offset to read from: 0 (the header first) or the end of a row
     * @param line the number of the line at {@code from} (1 at 0; after n rows of a file without blank
     *     lines, n + 2), for the messages
     * @param rows receives each row after {@code from} in file order, up to the end of its last whole row
     * @return the byte offset after the last whole row read ({@code from} when there is none)
     * @throws InvalidInputException naming {@code file:line} if it cannot be read or does not read as
     *     metrics.csv
     */
    public static long readFrom(Path file, long from, long line, Rows rows) {
        byte[] tail;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size <= from) {
                return from;
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Math.toIntExact(size - from));
            ch.position(from);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // reads to the size seen: rows written meanwhile are the next call's
            }
            tail = Arrays.copyOf(b.array(), b.position());
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read metrics.csv: " + e.getMessage());
        }
        int end = wholeRows(tail);
        try (Reader in = new Chars(new String(tail, 0, end, StandardCharsets.UTF_8))) {
            if (from == 0) {
                header(in, file);
            }
            rows(in, file, from == 0 ? 1 : line - 1, rows);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read metrics.csv: " + e.getMessage());
        }
        return from + end;
    }

    /** @return the length of the bytes' whole records: up to their last line break outside quotes */
    private static int wholeRows(byte[] bytes) {
        boolean quoted = false;
        int end = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == '\n' && !quoted) {
                end = i + 1;
            }
        }
        return end;
    }

    private static void header(Reader in, Path file) throws IOException {
        String[] header = record(in);
        if (header == null || header.length != 3 || !String.join(",", header).strip().equals(HEADER.strip())) {
            throw new InvalidInputException(file + ":1", "expected the header '" + HEADER.strip() + "'");
        }
    }

    /** Reads the records of {@code in} as rows; {@code line} is the number of the line before the first. */
    private static void rows(Reader in, Path file, long line, Rows rows) throws IOException {
        for (String[] r = record(in); r != null; r = record(in)) {
            line++;
            if (r.length == 1 && r[0].isBlank()) {
                continue;
            }
            if (r.length != 3) {
                throw new InvalidInputException(file + ":" + line, "expected 'step,metric,value', found '"
                        + String.join(",", r) + "'");
            }
            try {
                rows.row(Long.parseLong(r[0].strip()), r[1], Double.parseDouble(r[2].strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(file + ":" + line, "not a step and a number: '"
                        + String.join(",", r) + "'");
            }
        }
    }

    /**
     * One record's fields (a quoted field may hold line breaks), or {@code null} at the end of the input
     * or for a last record the input ends in the middle of.
     */
    private static String[] record(Reader in) throws IOException {
        java.util.List<String> fields = new java.util.ArrayList<>(3);
        StringBuilder b = new StringBuilder(32);
        boolean quoted = false;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (quoted) {
                if (c != '"') {
                    b.append((char) c);
                    continue;
                }
                c = in.read();
                if (c == '"') {
                    b.append('"');
                    continue;
                }
                quoted = false;
                if (c < 0) {
                    return null;
                }
            }
            if (c == '"' && b.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(b.toString());
                b.setLength(0);
            } else if (c == '\n') {
                fields.add(b.toString());
                return fields.toArray(String[]::new);
            } else {
                b.append((char) c);
            }
        }
        return null;
    }

    /**
     * The characters of a string, read one at a time without the lock and the checks of a
     * {@code BufferedReader} or {@code StringReader} on each call: {@link #readFrom} reads every row of a
     * shipped run's metrics.csv through {@link #record} this way (it was a tenth of a coordinator's
     * record of a run in a profile).
     */
    private static final class Chars extends Reader {
        private final String text;
        private int next;

        Chars(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            return next < text.length() ? text.charAt(next++) : -1;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - next);
            text.getChars(next, next + n, buffer, offset);
            next += n;
            return n;
        }

        @Override
        public void close() {
        }
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
