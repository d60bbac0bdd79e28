package org.overparam.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an {@link Analyzer} puts its results. Names are local to the analyzer and snake_case
 * ({@code lambda_min}); the run records them under the analyzer's name ({@code ntk.lambda_min}).
 */
@ProviderType
public interface MetricSink {
    /**
     * @param name the metric
     * @param value its value at this step
     */
    void scalar(String name, double value);

    /**
     * @param name the series (a slice, a spectrum density)
     * @param x the abscissae
     * @param y the values, as many as {@code x}
     */
    void series(String name, double[] x, double[] y);

    /**
     * @param name the matrix
     * @param rows rows
     * @param cols columns
     * @param values row-major
     */
    void matrix(String name, int rows, int cols, double[] values);

    /**
     * @param fileName a file name for the run's artifacts, e.g. {@code ntk-step100.npy}
     * @param content its bytes
     */
    void artifact(String fileName, byte[] content);
}
