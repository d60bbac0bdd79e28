package org.overparam.plugin.csv.internal;

import org.overparam.api.InvalidInputException;
import org.overparam.linalg.Rows;

/**
 * How input columns are scaled. {@code unit}: each row divided by its Euclidean norm, the unit-norm
 * inputs the convergence theorems assume (arXiv 1811.03962, 2107.01832); {@code centered}: the
 * training rows' mean subtracted from every row, then unit norm; {@code standard}: each
 * column shifted and scaled to zero mean and unit variance over the training rows (the same map
 * applied to the test rows; a constant column becomes 0); {@code none}: the values as written.
 * The kernels are {@link Rows}'s; this enum adds the names and the errors.
 */
enum Normalization {
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
    String key() {
        return key;
    }

    /**
     * @param key unit, standard or none
     * @return the normalization
     * @throws InvalidInputException naming {@code normalize} for any other value
     */
    static Normalization of(String key) {
        for (Normalization n : values()) {
            if (n.key.equals(key)) {
                return n;
            }
        }
        throw new InvalidInputException("normalize", "unknown normalization '" + key + "'; choose unit, centered, standard or none");
    }

    /**
     * Normalizes the training and test inputs in place.
     *
     * @param train {@code n x d} training inputs
     * @param n the training inputs
     * @param test {@code nTest x d} test inputs
     * @param nTest the test inputs
     * @param d the dimension
     * @param zero makes the error for an all-zero input under {@link #UNIT}
     */
    void apply(double[] train, int n, double[] test, int nTest, int d, ZeroInput zero) {
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
    interface ZeroInput {
        /**
         * @param sample the sample's index in its set
         * @param test whether it is a test sample
         * @return the error to throw
         */
        InvalidInputException at(int sample, boolean test);
    }
}
