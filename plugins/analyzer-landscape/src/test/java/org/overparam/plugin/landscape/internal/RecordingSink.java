package org.overparam.plugin.landscape.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.MetricSink;

/** A sink that keeps scalars, series and matrices, refuses artifacts and any name recorded twice. */
final class RecordingSink implements MetricSink {
    final Map<String, Double> scalars = new LinkedHashMap<>();
    final Map<String, double[][]> series = new LinkedHashMap<>();
    final Map<String, double[]> matrices = new LinkedHashMap<>();

    @Override
    public void scalar(String name, double value) {
        if (scalars.put(name, value) != null) {
            throw new AssertionError(name + " recorded twice");
        }
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        if (x.length != y.length || series.put(name, new double[][] {x.clone(), y.clone()}) != null) {
            throw new AssertionError("series " + name + " recorded twice or with unequal lengths");
        }
    }

    @Override
    public void matrix(String name, int rows, int cols, double[] values) {
        if (values.length != rows * cols || matrices.put(name, values.clone()) != null) {
            throw new AssertionError("matrix " + name + " recorded twice or of the wrong size");
        }
    }

    @Override
    public void artifact(String fileName, byte[] content) {
        throw new AssertionError("unexpected artifact " + fileName);
    }

    /**
     * @param name a scalar
     * @return its value
     * @throws AssertionError if it was not recorded
     */
    double get(String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new AssertionError(name + " not recorded; have " + scalars.keySet());
        }
        return v;
    }
}
