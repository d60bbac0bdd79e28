package org.overparam.testkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.overparam.testkit.HighPrecisionChecks.Reference;

/** Naive {@link BigDecimal} forward passes of the shipped layers, written from their definitions. */
final class References {
    private References() {
    }

    /** {@code y[i, o] = sum_j W[o, j] x[i, j] (+ b[o])}, W {@code [out, in]}. */
    static Reference dense(int in, int out) {
        return (w, n, x, mc) -> {
            BigDecimal[] y = new BigDecimal[n * out];
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < out; o++) {
                    BigDecimal s = w.length > 1 ? w[1][o] : BigDecimal.ZERO;
                    for (int j = 0; j < in; j++) {
                        s = s.add(w[0][o * in + j].multiply(x[i * in + j], mc), mc);
                    }
                    y[i * out + o] = s;
                }
            }
            return y;
        };
    }

    /** Elementwise {@code phi}. */
    static Reference elementwise(BiFunction<BigDecimal, MathContext, BigDecimal> phi) {
        return (w, n, x, mc) -> {
            BigDecimal[] y = new BigDecimal[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = phi.apply(x[i], mc);
            }
            return y;
        };
    }

    /** {@code max(x, 0)}. */
    static BigDecimal relu(BigDecimal x, MathContext mc) {
        return x.signum() > 0 ? x : BigDecimal.ZERO;
    }

    /** A 1-D convolution {@code [c, l] -> [out, ol]}, weights {@code [out, c, k]}, zero padding p. */
    static Reference conv1d(int c, int l, int out, int k, int stride, int pad) {
        int ol = (l + 2 * pad - k) / stride + 1;
        return (w, n, x, mc) -> {
            BigDecimal[] y = new BigDecimal[n * out * ol];
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < out; o++) {
                    for (int q = 0; q < ol; q++) {
                        BigDecimal s = w.length > 1 ? w[1][o] : BigDecimal.ZERO;
                        for (int ch = 0; ch < c; ch++) {
                            for (int d = 0; d < k; d++) {
                                int at = q * stride - pad + d;
                                if (at >= 0 && at < l) {
                                    s = s.add(w[0][(o * c + ch) * k + d].multiply(x[(i * c + ch) * l + at], mc), mc);
                                }
                            }
                        }
                        y[(i * out + o) * ol + q] = s;
                    }
                }
            }
            return y;
        };
    }

    /** Average pooling of {@code [c, l]} over windows of k with stride k. */
    static Reference avgPool1d(int c, int l, int k) {
        int ol = (l - k) / k + 1;
        return (w, n, x, mc) -> {
            BigDecimal[] y = new BigDecimal[n * c * ol];
            for (int p = 0; p < n * c; p++) {
                for (int q = 0; q < ol; q++) {
                    BigDecimal s = BigDecimal.ZERO;
                    for (int d = 0; d < k; d++) {
                        s = s.add(x[p * l + q * k + d], mc);
                    }
                    y[p * ol + q] = s.divide(BigDecimal.valueOf(k), mc);
                }
            }
            return y;
        };
    }

    /** {@code s x}. */
    static Reference scale(double s) {
        return elementwise((v, mc) -> v.multiply(new BigDecimal(s), mc));
    }

    /** Layers in turn; {@code blocks[i]} is layer i's number of blocks. */
    static Reference serial(Reference[] layers, int[] blocks) {
        return (w, n, x, mc) -> {
            BigDecimal[] a = x;
            int at = 0;
            for (int i = 0; i < layers.length; i++) {
                a = layers[i].forward(Arrays.copyOfRange(w, at, at + blocks[i]), n, a, mc);
                at += blocks[i];
            }
            return a;
        };
    }

    /** {@code x + tau branch(x)}. */
    static Reference residual(double tau, Reference branch) {
        return (w, n, x, mc) -> {
            BigDecimal[] b = branch.forward(w, n, x, mc);
            BigDecimal t = new BigDecimal(tau);
            BigDecimal[] y = new BigDecimal[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = x[i].add(t.multiply(b[i], mc), mc);
            }
            return y;
        };
    }
}
