package org.overparam.engine.internal.loop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.MetricSink;
import org.overparam.engine.internal.folder.RunFolder;

/**
 * Where one analyzer's results go at one analysis point: scalars are collected under
 * {@code <label>.<name>} (the last value per name wins) for the run to record at the step; series
 * and matrices are written at once to {@code series/<label>.<name>-step<k>.csv}, artifacts to
 * {@code artifacts/<fileName>}.
 */
public final class AnalyzerSink implements MetricSink {
    private final String label;
    private final long step;
    private final RunFolder folder;
    private final Map<String, Double> scalars = new LinkedHashMap<>();

    /**
     * @param label the analyzer's label
     * @param step the step
     * @param folder the run's folder
     */
    AnalyzerSink(String label, long step, RunFolder folder) {
        this.label = label;
        this.step = step;
        this.folder = folder;
    }

    /** @return the scalars by full name, in first-record order */
    Map<String, Double> scalars() {
        return scalars;
    }

    @Override
    public void scalar(String name, double value) {
        scalars.put(full(name), value);
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        folder.series(full(name), step, x, y);
    }

    @Override
    public void matrix(String name, int rows, int cols, double[] values) {
        folder.matrix(full(name), step, rows, cols, values);
    }

    @Override
    public void artifact(String fileName, byte[] content) {
        folder.artifact(fileName, content);
    }

    private String full(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
        return label + "." + name;
    }
}
