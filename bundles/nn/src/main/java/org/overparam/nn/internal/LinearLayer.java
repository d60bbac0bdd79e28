package org.overparam.nn.internal;

import java.util.List;
import org.overparam.linalg.Elementwise;
import org.overparam.linalg.LinearMap;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * A layer {@code y = W(x) + b}: a linalg {@link LinearMap} (dense or convolution) and an optional
 * bias per output channel, broadcast over the {@code positions} of each channel. The map is
 * bilinear in weights and inputs, so the R-operator needs only the map's three operations:
 * {@code R{y} = V(x) + W(R{x}) + c}, {@code R{grad W} = grad_W(x, R{dy}) + grad_W(R{x}, dy)},
 * {@code R{grad b} = sum R{dy}}, {@code R{dx} = W^T(R{dy}) + V^T(dy)} (Pearlmutter 1994), V and c
 * the direction's blocks.
 */
abstract class LinearLayer implements BoundLayer, Reusing {
    private final String name;
    private final LinearMap map;
    private final int channels;
    private final int positions;
    private final boolean bias;
    private final List<Block> blocks;

    /**
     * @param name the layer's name
     * @param map the weights' map
     * @param channels output channels (the bias's size)
     * @param positions output positions per channel (1 for dense)
     * @param blocks the weight block and, with a bias, the bias block
     */
    LinearLayer(String name, LinearMap map, int channels, int positions, List<Block> blocks) {
        this.name = name;
        this.map = map;
        this.channels = channels;
        this.positions = positions;
        this.bias = blocks.size() == 2;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * The forward pass: input, weights, output, and for a pass made into an earlier one's arrays
     * ({@link Reusing}) a one-slot holder of the input-signal array its backward passes write (carried
     * from pass to pass; {@code null} for a plain pass, whose backward allocates).
     */
    record LinearPass(int n, double[] x, double[] weight, double[] output, double[][] signals) implements Pass {
    }

    private record LinearTangent(double[][] v, double[] rx, double[] output) implements Tangent {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Block> blocks() {
        return blocks;
    }

    /** @return whether the layer has a bias */
    final boolean hasBias() {
        return bias;
    }

    @Override
    public final Pass forward(double[][] w, int n, double[] x) {
        double[] y = new double[n * map.outSize()];
        map.apply(n, w[0], x, y, false);
        if (bias) {
            addBias(n, w[1], y);
        }
        return new LinearPass(n, x, w[0], y, null);
    }

    /** The gemm's {@code beta = 0} ignores the earlier outputs, so they may be anything. */
    @Override
    public final Pass forward(double[][] w, int n, double[] x, Pass reuse) {
        if (!(reuse instanceof LinearPass earlier)) {
            return forward(w, n, x);
        }
        double[] y = Reusing.array(earlier.output(), n * map.outSize());
        map.apply(n, w[0], x, y, false);
        if (bias) {
            addBias(n, w[1], y);
        }
        return new LinearPass(n, x, w[0], y, earlier.signals() != null ? earlier.signals() : new double[1][]);
    }

    @Override
    public final double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        LinearPass p = (LinearPass) pass;
        if (grads != null) {
            map.weightGradient(p.n(), p.x(), dy, grads[0], false);
            if (bias) {
                biasGradient(p.n(), dy, grads[1]);
            }
        }
        if (!inputGradient) {
            return null;
        }
        if (p.signals() == null) {
            return inputGradient(p.n(), p.weight(), dy);
        }
        double[] dx = Reusing.array(p.signals()[0], p.n() * map.inSize());
        p.signals()[0] = dx;
        map.inputGradient(p.n(), p.weight(), dy, dx, false);
        return dx;
    }

    /** @return {@code W^T(dy)}, a new array */
    final double[] inputGradient(int n, double[] weight, double[] dy) {
        double[] dx = new double[n * map.inSize()];
        map.inputGradient(n, weight, dy, dx, false);
        return dx;
    }

    @Override
    public final Tangent tangent(Pass pass, double[][] v, double[] rx) {
        LinearPass p = (LinearPass) pass;
        int n = p.n();
        double[] r = null;
        if (v != null) {
            r = new double[n * map.outSize()];
            map.apply(n, v[0], p.x(), r, false);
        }
        if (rx != null) {
            boolean add = r != null;
            r = add ? r : new double[n * map.outSize()];
            map.apply(n, p.weight(), rx, r, add);
        }
        if (v != null && bias) {
            addBias(n, v[1], r);
        }
        return new LinearTangent(v, rx, r);
    }

    @Override
    public final double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                      double[][] hv) {
        LinearPass p = (LinearPass) pass;
        LinearTangent t = (LinearTangent) tangent;
        int n = p.n();
        if (hv != null) {
            map.weightGradient(n, p.x(), rdy, hv[0], false);
            if (t.rx() != null) {
                map.weightGradient(n, t.rx(), dy, hv[0], true);
            }
            if (bias) {
                biasGradient(n, rdy, hv[1]);
            }
        }
        if (!inputGradient) {
            return null;
        }
        double[] dx = inputGradient(n, p.weight(), dy);
        double[] rdx = inputGradient(n, p.weight(), rdy);
        if (t.v() != null) {
            map.inputGradient(n, t.v()[0], dy, rdx, true);
        }
        return new double[][] {dx, rdx};
    }

    /** {@code y[i, ch, p] += b[ch]}; for one position, linalg's row broadcast. */
    private void addBias(int n, double[] b, double[] y) {
        if (positions == 1) {
            Elementwise.addRowVector(n, channels, b, y);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int at = (i * channels + ch) * positions;
                for (int q = 0; q < positions; q++) {
                    y[at + q] += b[ch];
                }
            }
        }
    }

    /** {@code g[ch] = sum_{i, p} dy[i, ch, p]}; for one position, linalg's column sums. */
    private void biasGradient(int n, double[] dy, double[] g) {
        if (positions == 1) {
            Elementwise.columnSums(n, channels, dy, g);
            return;
        }
        java.util.Arrays.fill(g, 0.0);
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int at = (i * channels + ch) * positions;
                double s = 0;
                for (int q = 0; q < positions; q++) {
                    s += dy[at + q];
                }
                g[ch] += s;
            }
        }
    }

    /** A fresh layer of zero-mean weights (and biases) has outputs of mean zero whatever its inputs. */
    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        return true;
    }
}
