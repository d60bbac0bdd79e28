package org.overparam.plugin.cnn.internal;

import java.util.Arrays;

/**
 * A bias per channel, broadcast over positions: {@code z[i, c, p] += b[c]} on an
 * {@code n x channels x positions} array, and its gradient {@code sum over i, p of g[i, c, p]}.
 * A dense layer's bias is the case {@code positions = 1}.
 */
final class ChannelBias {
    private ChannelBias() {
    }

    /**
     * @param n samples
     * @param channels channels
     * @param positions positions per channel
     * @param b {@code channels} values; not modified
     * @param z updated in place
     */
    static void add(int n, int channels, int positions, double[] b, double[] z) {
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int at = (i * channels + ch) * positions;
                double v = b[ch];
                for (int p = 0; p < positions; p++) {
                    z[at + p] += v;
                }
            }
        }
    }

    /**
     * @param n samples
     * @param channels channels
     * @param positions positions per channel
     * @param g {@code n x channels x positions} signals; not modified
     * @param gb receives the {@code channels} sums (overwritten)
     */
    static void gradient(int n, int channels, int positions, double[] g, double[] gb) {
        Arrays.fill(gb, 0.0);
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int at = (i * channels + ch) * positions;
                double s = 0;
                for (int p = 0; p < positions; p++) {
                    s += g[at + p];
                }
                gb[ch] += s;
            }
        }
    }
}
