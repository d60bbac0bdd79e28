package org.overparam.plugin.idx.internal;

import org.overparam.api.InvalidInputException;

/**
 * How inputs are scaled after pooling. {@code unit}: each input divided by its Euclidean norm, the
 * unit-norm inputs the convergence theorems assume (arXiv 1811.03962, 2107.01832); {@code centered}:
 * the training inputs' mean image subtracted from every input, then unit norm (still unit-norm
 * inputs, but without the large common component all-positive pixel vectors share, which dominates
 * the NTK Gram matrix and slows gradient descent); {@code standard}: each coordinate shifted and scaled to zero mean and unit variance over the training inputs (the
 * same map applied to the test inputs; a constant coordinate becomes 0); {@code none}: pixel values
 * in [0, 1] as they are.
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
            case UNIT -> {
                unit(train, n, d, zero, false);
                unit(test, nTest, d, zero, true);
            }
            case CENTERED -> {
                for (int j = 0; j < d; j++) {
                    double mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += train[i * d + j];
                    }
                    mean /= n;
                    for (int i = 0; i < n; i++) {
                        train[i * d + j] -= mean;
                    }
                    for (int i = 0; i < nTest; i++) {
                        test[i * d + j] -= mean;
                    }
                }
                unit(train, n, d, zero, false);
                unit(test, nTest, d, zero, true);
            }
            case STANDARD -> {
                for (int j = 0; j < d; j++) {
                    double mean = 0;
                    for (int i = 0; i < n; i++) {
                        mean += train[i * d + j];
                    }
                    mean /= n;
                    double var = 0;
                    for (int i = 0; i < n; i++) {
                        double e = train[i * d + j] - mean;
                        var += e * e;
                    }
                    double sd = Math.sqrt(var / n);
                    double inv = sd > 0 ? 1 / sd : 0;
                    for (int i = 0; i < n; i++) {
                        train[i * d + j] = (train[i * d + j] - mean) * inv;
                    }
                    for (int i = 0; i < nTest; i++) {
                        test[i * d + j] = (test[i * d + j] - mean) * inv;
                    }
                }
            }
            case NONE -> {
            }
            default -> throw new IllegalStateException(key);
        }
    }

    private static void unit(double[] x, int n, int d, ZeroInput zero, boolean test) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            if (s == 0) {
                throw zero.at(i, test);
            }
            double inv = 1 / Math.sqrt(s);
            for (int j = 0; j < d; j++) {
                x[i * d + j] *= inv;
            }
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
