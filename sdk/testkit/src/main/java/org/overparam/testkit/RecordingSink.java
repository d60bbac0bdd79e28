package org.overparam.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.MetricSink;

/**
 * A {@link MetricSink} that keeps what an analyzer writes, in order, and fails on a name written
 * twice, a series of unequal lengths and a matrix of the wrong size. Matrices and artifacts are
 * refused unless the test expects them ({@link #acceptingMatrices()}, {@link #acceptingArtifacts()}).
 */
public final class RecordingSink implements MetricSink {
    /** The scalars, by name. */
    public final Map<String, Double> scalars = new LinkedHashMap<>();
    /** The series {@code [x, y]}, by name. */
    public final Map<String, double[][]> series = new LinkedHashMap<>();
    /** The matrices (row-major), by name. */
    public final Map<String, double[]> matrices = new LinkedHashMap<>();
    /** The artifacts, by file name. */
    public final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    private boolean matricesExpected;
    private boolean artifactsExpected;

    /** @return this sink, now keeping matrices */
    public RecordingSink acceptingMatrices() {
        matricesExpected = true;
        return this;
    }

    /** @return this sink, now keeping artifacts */
    public RecordingSink acceptingArtifacts() {
        artifactsExpected = true;
        return this;
    }

    /**
     * @param name a scalar
     * @return its value
     * @throws AssertionError if it was not recorded
     */
    public double get(String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new AssertionError("no scalar " + name + " among " + scalars.keySet());
        }
        return v;
    }

    @Override
    public void scalar(String name, double value) {
        if (scalars.put(name, value) != null) {
            throw new AssertionError(name + " recorded twice");
        }
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new AssertionError("series " + name + " has " + x.length + " x and " + y.length + " y values");
        }
        if (series.put(name, new double[][] {x.clone(), y.clone()}) != null) {
            throw new AssertionError("series " + name + " recorded twice");
        }
    }

    @Override
    public void matrix(String name, int rows, int cols, double[] values) {
        if (!matricesExpected) {
            throw new AssertionError("unexpected matrix " + name);
        }
        if (values.length != rows * cols || matrices.put(name, values.clone()) != null) {
            throw new AssertionError("matrix " + name + " recorded twice or of the wrong size");
        }
    }

    @Override
    public void artifact(String fileName, byte[] content) {
        if (!artifactsExpected) {
            throw new AssertionError("unexpected artifact " + fileName);
        }
        if (artifacts.put(fileName, content.clone()) != null) {
            throw new AssertionError("artifact " + fileName + " recorded twice");
        }
    }
}
