package org.overparam.report.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.overparam.api.InvalidInputException;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * A run's {@code metrics.csv} read by the run folder's codec ({@link MetricsCsv}: a last line without
 * its line break is skipped, a malformed row is an error naming {@code file:line}) into one
 * {@link Curve} per metric, in the order metrics first appear (memory is 16 bytes per row).
 */
final class Metrics {
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
        MetricsCsv.read(file, Long.MAX_VALUE, (step, name, value) -> builders.computeIfAbsent(name, Builder::new)
                .add(step, value));
        Map<String, Curve> out = new LinkedHashMap<>();
        builders.forEach((name, builder) -> out.put(name, builder.build()));
        return new Metrics(out);
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
