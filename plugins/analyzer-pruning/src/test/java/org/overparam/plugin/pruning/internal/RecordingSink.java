package org.overparam.plugin.pruning.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.MetricSink;

/** A sink that keeps scalars, series and artifacts. */
final class RecordingSink implements MetricSink {
    final Map<String, Double> scalars = new LinkedHashMap<>();
    final Map<String, double[][]> series = new LinkedHashMap<>();
    final Map<String, byte[]> artifacts = new LinkedHashMap<>();

    @Override
    public void scalar(String name, double value) {
        if (scalars.put(name, value) != null) {
            throw new AssertionError(name + " recorded twice");
        }
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        series.put(name, new double[][] {x.clone(), y.clone()});
    }

    @Override
    public void matrix(String name, int rows, int cols, double[] values) {
        throw new AssertionError("unexpected matrix " + name);
    }

    @Override
    public void artifact(String fileName, byte[] content) {
        artifacts.put(fileName, content.clone());
    }

    double get(String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new AssertionError("no scalar " + name + " among " + scalars.keySet());
        }
        return v;
    }
}
