package org.overparam.linalg;

import java.util.Optional;

/**
 * How a data set's input rows are scaled, by the name experiment files give it. {@code unit}: each
 * row divided by its Euclidean norm, the unit-norm inputs the convergence theorems assume (arXiv
 * 1811.03962, 2107.01832); {@code centered}: the training rows' mean subtracted from every row,
 * then unit norm; {@code standard}: each column shifted and scaled to zero mean and unit variance
 * over the training rows (the same map applied to the test rows; a constant column becomes 0);
 * {@code none}: the values as they are. The kernels are {@link Rows}'s; this enum adds the names.
 * Shared by the data plugins (csv, idx), which say in their own documentation what a row is.
 */
public enum Normalization {
    /** Every input to norm 1. */
    UNIT("unit"),
    /** The training inputs' mean subtracted from every input, then every input to norm 1. */
    CENTERED("centered"),
    /** Every coordinate to zero mean, unit variance over the training inputs. */
    STANDARD("standard"),
    /** Unchanged. */
    NONE("none");

    private final String key;

    Normalization(String key) {
        this.key = key;
    }

    /** @return the name in experiment files */
    public String key() {
        return key;
    }

    /**
     * @param key {@code unit}, {@code centered}, {@code standard} or {@code none}
     * @return the normalization of that name, or empty
     */
    public static Optional<Normalization> of(String key) {
        for (Normalization n : values()) {
            if (n.key.equals(key)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * Normalizes the training and test inputs in place.
     *
     * @param train {@code n x d} training inputs
     * @param n the training inputs
     * @param test {@code nTest x d} test inputs
     * @param nTest the test inputs
     * @param d the dimension
     * @param zero makes the error for an all-zero input under {@link #UNIT} and {@link #CENTERED}
     */
    public void apply(double[] train, int n, double[] test, int nTest, int d, ZeroInput zero) {
        switch (this) {
            case UNIT -> unit(train, n, test, nTest, d, zero);
            case CENTERED -> {
                Rows.center(train, n, test, nTest, d);
                unit(train, n, test, nTest, d, zero);
            }
            case STANDARD -> Rows.standardize(train, n, test, nTest, d);
            case NONE -> {
            }
            default -> throw new IllegalStateException(key);
        }
    }

    private static void unit(double[] train, int n, double[] test, int nTest, int d, ZeroInput zero) {
        int i = Rows.unitNormalize(train, n, d);
        if (i >= 0) {
            throw zero.at(i, false);
        }
        i = Rows.unitNormalize(test, nTest, d);
        if (i >= 0) {
            throw zero.at(i, true);
        }
    }

    /** Makes the error for an all-zero input that cannot be scaled to norm 1. */
    @FunctionalInterface
    public interface ZeroInput {
        /**
         * @param sample the sample's index in its set
         * @param test whether it is a test sample
         * @return the error to throw
         */
        RuntimeException at(int sample, boolean test);
    }
}
