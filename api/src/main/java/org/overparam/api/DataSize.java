package org.overparam.api;

import java.util.Objects;

/**
 * The sizes of a data set, known before its samples are loaded (from its parameters or from a
 * file's header), so a run can refuse to start when they would not fit in memory.
 *
 * @param train the number of training samples, at least 1
 * @param test the number of test samples, at least 0
 * @param inputShape the shape of one input
 * @param outputs the number of model outputs per sample (k), at least 1
 * @param classified whether the samples carry class labels (one {@code int} each)
 */
public record DataSize(long train, long test, Shape inputShape, int outputs, boolean classified) {
    /** Checks the fields. */
    public DataSize {
        Objects.requireNonNull(inputShape, "inputShape");
        if (train < 1 || test < 0 || outputs < 1) {
            throw new IllegalArgumentException("data of " + train + " training and " + test + " test samples with "
                    + outputs + " outputs");
        }
    }

    /**
     * @param data loaded samples
     * @return their sizes
     */
    public static DataSize of(Data data) {
        return new DataSize(data.train().n(), data.test().n(), data.train().inputShape(), data.train().outputSize(),
                data.train().labels() != null);
    }

    /**
     * @return the bytes the samples take once loaded: inputs and targets as doubles, labels as ints
     * @throws ArithmeticException if that exceeds {@code 2^63-1}
     */
    public long bytes() {
        long rows = Sizes.sum(train, test);
        long values = Sizes.product(rows, Sizes.sum(inputShape.count(), outputs));
        return Sizes.sum(Sizes.doubles(values), classified ? Sizes.product(rows, Integer.BYTES) : 0);
    }
}
