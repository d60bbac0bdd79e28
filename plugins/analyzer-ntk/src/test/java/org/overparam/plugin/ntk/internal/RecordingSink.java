package org.overparam.plugin.ntk.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.MetricSink;

/** A sink that keeps what it receives; a scalar recorded twice in one call is an error. */
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
        if (x.length != y.length) {
            throw new AssertionError(name + ": " + x.length + " x values, " + y.length + " y values");
        }
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
