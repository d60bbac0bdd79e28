package org.overparam.engine.internal.folder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.InvalidInputException;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * Every scalar metric of a run in memory: for each full name ({@code train.loss}, {@code ntk.lambda_min})
 * its history as two growable arrays (steps and values) and its latest value. Each record is also
 * handed to a {@link Sink} (the run's metrics.csv) in recording order.
 */
public final class MetricStore {
    /**
     * Reads back the metric histories of a run from the first bytes of its metrics.csv
     * ({@link MetricsCsv}). A resumed run gets its histories from here rather than from its checkpoint,
     * so a checkpoint's size does not grow with the steps taken.
     *
     * @param file the run's metrics.csv
     * @param length how many of its bytes to read (a checkpoint's {@code metricsBytes})
     * @return every metric's history by full name (sorted by name), each in recording order
     * @throws InvalidInputException naming the file and line if it does not read as metrics.csv
     */
    public static Map<String, Series> histories(Path file, long length) {
        MetricStore out = new MetricStore((step, name, value) -> { });
        MetricsCsv.read(file, length, out::record);
        return out.series();
    }

    /** Receives each record as it is made. */
    interface Sink {
        /**
         * @param step the step
         * @param name the full name
         * @param value the value
         */
        void record(long step, String name, double value);
    }

    private static final class History {
        long[] steps = new long[16];
        double[] values = new double[16];
        int size;

        void add(long step, double value) {
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            steps[size] = step;
            values[size] = value;
            size++;
        }
    }

    private final Map<String, History> histories = new HashMap<>();
    private final TreeMap<String, Double> latest = new TreeMap<>();
    private final Map<String, Double> latestView = Collections.unmodifiableMap(latest);
    private final Sink sink;

    /** @param sink where each record goes as well */
    public MetricStore(Sink sink) {
        this.sink = sink;
    }

    /**
     * @param step the step the value belongs to
     * @param name the full metric name
     * @param value the value (NaN and infinities are kept)
     */
    public void record(long step, String name, double value) {
        histories.computeIfAbsent(name, k -> new History()).add(step, value);
        latest.put(name, value);
        sink.record(step, name, value);
    }

    /** @return the latest value of every metric, sorted by name (a live, unmodifiable view) */
    public Map<String, Double> latest() {
        return latestView;
    }

    /** @return a sorted copy of the latest values */
    public Map<String, Double> latestCopy() {
        return new TreeMap<>(latest);
    }

    /** @return a copy of every metric's history, sorted by name: what metrics.csv gives back to a resumed run */
    Map<String, Series> series() {
        Map<String, Series> out = new TreeMap<>();
        histories.forEach((name, h) -> out.put(name, new Series(Arrays.copyOf(h.steps, h.size),
                Arrays.copyOf(h.values, h.size))));
        return out;
    }

    /**
     * Puts back the histories a resumed run read from its metrics.csv (the sink hears nothing: those
     * rows are on disk already);
     * each metric's latest value is the last of its history.
     *
     * @param series histories by full name, as {@link #series()} gave them
     */
    public void restore(Map<String, Series> series) {
        histories.clear();
        latest.clear();
        series.forEach((name, s) -> {
            History h = new History();
            h.steps = s.steps().length == 0 ? new long[16] : s.steps().clone();
            h.values = s.values().length == 0 ? new double[16] : s.values().clone();
            h.size = s.steps().length;
            histories.put(name, h);
            if (h.size > 0) {
                latest.put(name, h.values[h.size - 1]);
            }
        });
    }

    /**
     * @param name a full metric name
     * @return {@code [steps, values]}, copies of equal length (both empty for an unknown metric)
     */
    public double[][] history(String name) {
        History h = histories.get(name);
        if (h == null) {
            return new double[][] {new double[0], new double[0]};
        }
        double[] s = new double[h.size];
        for (int i = 0; i < h.size; i++) {
            s[i] = h.steps[i];
        }
        return new double[][] {s, Arrays.copyOf(h.values, h.size)};
    }
}
