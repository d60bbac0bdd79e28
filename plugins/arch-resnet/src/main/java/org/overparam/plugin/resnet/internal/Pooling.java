package org.overparam.plugin.resnet.internal;

import org.overparam.api.InvalidInputException;

/**
 * How the last feature map {@code [channels, positions]} becomes the linear head's input: global
 * average pooling ({@code channels} features, each the mean over positions) or flattening (all
 * {@code channels x positions} values, in row-major order). Both are linear; {@link #unpool} is
 * the adjoint of {@link #pool}.
 *
 * <p>The same as arch-cnn's class of this name: plugins do not depend on each other.
 */
enum Pooling {
    /** Mean over positions per channel. */
    AVGPOOL("avgpool"),
    /** Every value, channel-major. */
    FLATTEN("flatten");

    private final String key;

    Pooling(String key) {
        this.key = key;
    }

    /**
     * @param key {@code avgpool} or {@code flatten}
     * @return the pooling
     * @throws InvalidInputException naming {@code head} for any other value
     */
    static Pooling of(String key) {
        for (Pooling p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new InvalidInputException("head", "unknown head '" + key + "'; choose avgpool or flatten");
    }

    /**
     * @param channels channels
     * @param positions positions per channel
     * @return features per sample
     */
    int features(int channels, int positions) {
        return this == AVGPOOL ? channels : channels * positions;
    }

    /**
     * @param n samples
     * @param channels channels
     * @param positions positions per channel
     * @param a {@code n x channels x positions}; not modified
     * @return the {@code n x features} head inputs (for FLATTEN, {@code a} itself)
     */
    double[] pool(int n, int channels, int positions, double[] a) {
        if (this == FLATTEN) {
            return a;
        }
        double[] f = new double[n * channels];
        double inv = 1.0 / positions;
        for (int r = 0; r < n * channels; r++) {
            double s = 0;
            for (int p = 0, at = r * positions; p < positions; p++) {
                s += a[at + p];
            }
            f[r] = s * inv;
        }
        return f;
    }

    /**
     * The adjoint of {@link #pool}.
     *
     * @param n samples
     * @param channels channels
     * @param positions positions per channel
     * @param df {@code n x features} signals; not modified
     * @return {@code n x channels x positions} signals (for FLATTEN, {@code df} itself)
     */
    double[] unpool(int n, int channels, int positions, double[] df) {
        if (this == FLATTEN) {
            return df;
        }
        double[] a = new double[n * channels * positions];
        double inv = 1.0 / positions;
        for (int r = 0; r < n * channels; r++) {
            java.util.Arrays.fill(a, r * positions, (r + 1) * positions, df[r] * inv);
        }
        return a;
    }
}
