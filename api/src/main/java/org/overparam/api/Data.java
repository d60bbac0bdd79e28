package org.overparam.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Dataset} delivers for one run.
 *
 * @param train the training samples (never empty)
 * @param test held-out samples, possibly with {@code n == 0}
 * @param task regression or classification
 * @param facts measured properties of the data the theory needs, e.g. {@code delta} (minimum
 *     pairwise distance of the training inputs) or {@code max_norm}; names are snake_case
 * @param description one line saying what the data is, for reports
 */
public record Data(Batch train, Batch test, Task task, Map<String, Double> facts, String description) {
    /** Checks the fields. */
    public Data {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(task, "task");
        facts = Map.copyOf(facts);
        if (train.n() < 1) {
            throw new IllegalArgumentException("a data set needs at least one training sample");
        }
        if (!train.inputShape().equals(test.inputShape()) || train.outputSize() != test.outputSize()) {
            throw new IllegalArgumentException("train and test samples differ in shape");
        }
    }
}
