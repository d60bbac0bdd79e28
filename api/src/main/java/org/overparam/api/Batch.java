package org.overparam.api;

import java.util.Objects;

/**
 * A set of samples: inputs, regression targets and (for classification) class labels, each as a
 * flat row-major array with one row per sample.
 *
 * @param inputShape the shape of one input ({@code [d]}, {@code [c, l]} or {@code [c, h, w]})
 * @param n the number of samples
 * @param inputs {@code n x inputShape.size()} values
 * @param outputSize the number of model outputs per sample (k)
 * @param targets {@code n x k} targets (one-hot for classification)
 * @param labels {@code n} class indices in {@code [0, k)}, or {@code null} for regression; for two
 *     classes with a single signed output ({@code k = 1}, targets -1 and +1) the labels are 0 (target
 *     -1) and 1 (target +1), and the predicted class is 1 where the output is positive
 */
public record Batch(Shape inputShape, int n, double[] inputs, int outputSize, double[] targets, int[] labels) {
    /** Checks the sizes. */
    public Batch {
        Objects.requireNonNull(inputShape, "inputShape");
        if (n < 0 || inputs.length != (long) n * inputShape.size() || targets.length != (long) n * outputSize) {
            throw new IllegalArgumentException("batch of " + n + " samples of shape " + inputShape + " with "
                    + outputSize + " outputs does not fit arrays of " + inputs.length + " inputs and "
                    + targets.length + " targets");
        }
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException("batch of " + n + " samples has " + labels.length + " labels");
        }
    }

    /** @return the number of values in one input */
    public int inputSize() {
        return inputShape.size();
    }

    /**
     * @param rows sample indices, in the order wanted (repeats allowed); not modified
     * @return a new batch with copies of those rows
     */
    public Batch select(int[] rows) {
        int d = inputSize();
        double[] x = new double[rows.length * d];
        double[] y = new double[rows.length * outputSize];
        int[] l = labels == null ? null : new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            System.arraycopy(inputs, i * d, x, r * d, d);
            System.arraycopy(targets, i * outputSize, y, r * outputSize, outputSize);
            if (l != null) {
                l[r] = labels[i];
            }
        }
        return new Batch(inputShape, rows.length, x, outputSize, y, l);
    }

    /**
     * @param count rows to keep
     * @return the first {@code min(count, n)} rows
     */
    public Batch head(int count) {
        int k = Math.min(count, n);
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = i;
        }
        return select(rows);
    }
}
