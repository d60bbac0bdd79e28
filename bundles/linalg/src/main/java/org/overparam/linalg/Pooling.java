package org.overparam.linalg;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a network's last feature map {@code [channels, positions]} becomes its linear head's input,
 * by the name experiment files give it: global average pooling ({@code avgpool}: {@code channels}
 * features, each the mean over positions) or flattening ({@code flatten}: all
 * {@code channels x positions} values, in row-major order). Both are linear; {@link #unpool} is the
 * adjoint of {@link #pool}. Shared by the convolutional architectures (cnn, resnet).
 */
public enum Pooling {
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
     * @return the pooling of that name, or empty
     */
    public static Optional<Pooling> of(String key) {
        for (Pooling p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param channels channels
     * @param positions positions per channel
     * @return features per sample
     */
    public int features(int channels, int positions) {
        return this == AVGPOOL ? channels : channels * positions;
    }

    /**
     * @param n samples
     * @param channels channels
     * @param positions positions per channel
     * @param a {@code n x channels x positions}; not modified
     * @return the {@code n x features} head inputs (for FLATTEN, {@code a} itself)
     */
    public double[] pool(int n, int channels, int positions, double[] a) {
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
    public double[] unpool(int n, int channels, int positions, double[] df) {
        if (this == FLATTEN) {
            return df;
        }
        double[] a = new double[n * channels * positions];
        double inv = 1.0 / positions;
        for (int r = 0; r < n * channels; r++) {
            Arrays.fill(a, r * positions, (r + 1) * positions, df[r] * inv);
        }
        return a;
    }
}
