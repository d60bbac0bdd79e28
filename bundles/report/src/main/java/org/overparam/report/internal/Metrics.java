package org.overparam.report.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.overparam.api.InvalidInputException;

/**
 * A run's {@code metrics.csv} (long format: header {@code step,metric,value}, one row per recorded
 * scalar) read into one {@link Curve} per metric, in the order metrics first appear, streaming (a
 * run's file can hold millions of rows: memory is 16 bytes per row). A last line without its line
 * break (the run is still writing it) is ignored; any other malformed row is an error naming
 * {@code file:line}.
 */
final class Metrics {
    static final String HEADER = "step,metric,value";
    private final Map<String, Curve> curves;

    private Metrics(Map<String, Curve> curves) {
        this.curves = curves;
    }

    /** @return no metrics */
    static Metrics empty() {
        return new Metrics(Map.of());
    }

    /**
     * @param file a {@code metrics.csv}
     * @return its curves
     * @throws InvalidInputException if it cannot be read or a row is malformed
     */
    static Metrics read(Path file) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean complete = endsWithNewline(file);
            String line = in.readLine();
            if (line == null || !line.strip().equals(HEADER)) {
                throw new InvalidInputException(file + ":1", "expected the header '" + HEADER + "'");
            }
            int number = 1;
            String next = in.readLine();
            while (next != null) {
                line = next;
                next = in.readLine();
                number++;
                if (next == null && !complete) {
                    break;
                }
                parse(file, number, line, builders);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read the metrics: " + e.getMessage());
        }
        Map<String, Curve> out = new LinkedHashMap<>();
        builders.forEach((name, builder) -> out.put(name, builder.build()));
        return new Metrics(out);
    }

    private static void parse(Path file, int number, String line, Map<String, Builder> builders) {
        if (line.isBlank()) {
            return;
        }
        int a = line.indexOf(',');
        int b = line.lastIndexOf(',');
        if (a < 0 || b == a) {
            throw new InvalidInputException(file + ":" + number, "expected 'step,metric,value', found '" + line + "'");
        }
        long step;
        double value;
        try {
            step = Long.parseLong(line.substring(0, a).strip());
            value = Double.parseDouble(line.substring(b + 1).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ":" + number, "not a step and a number: '" + line + "'");
        }
        builders.computeIfAbsent(line.substring(a + 1, b), Builder::new).add(step, value);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) {
                return true;
            }
            f.seek(f.length() - 1);
            return f.read() == '\n';
        }
    }

    /**
     * @param curves the curves by name, in display order
     * @return them as metrics
     */
    static Metrics of(Map<String, Curve> curves) {
        return new Metrics(new LinkedHashMap<>(curves));
    }

    /** @return the metric names in first-record order */
    Set<String> names() {
        return curves.keySet();
    }

    /**
     * @param name a metric
     * @return its curve, or {@code null}
     */
    Curve get(String name) {
        return curves.get(name);
    }

    /**
     * @param name a metric
     * @return its last recorded value, or NaN
     */
    double last(String name) {
        Curve c = curves.get(name);
        return c == null ? Double.NaN : c.last();
    }

    /** Collects one metric's rows. */
    private static final class Builder {
        private final String name;
        private long[] steps = new long[16];
        private double[] values = new double[16];
        private int n;

        Builder(String name) {
            this.name = name;
        }

        void add(long step, double value) {
            if (n == steps.length) {
                steps = Arrays.copyOf(steps, 2 * n);
                values = Arrays.copyOf(values, 2 * n);
            }
            steps[n] = step;
            values[n++] = value;
        }

        Curve build() {
            return new Curve(name, Arrays.copyOf(steps, n), Arrays.copyOf(values, n));
        }
    }
}
