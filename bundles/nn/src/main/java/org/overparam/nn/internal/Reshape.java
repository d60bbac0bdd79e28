package org.overparam.nn.internal;

import java.util.Optional;
import org.overparam.api.Shape;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Parameterization;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * Layers that pass the values through unchanged (no copy) under another shape of the same size:
 * {@code identity}, {@code flatten} ({@code [c, spatial...] -> [c S]}, row-major, as PyTorch's
 * {@code flatten(1)}) and {@code reshape} (e.g. {@code [d] -> [1, d]}, a vector read as a 1-D
 * signal). The kernel of identity is its input's; flatten keeps the same-position terms and
 * averages them over the S positions, {@code K'(x, x') = (1/S) sum_p K(x_p, x'_p)}, because the
 * next dense layer divides by its fan-in {@code c S} (Novak et al. 2019, arXiv 1810.05148). A
 * general reshape mixes channels and positions, which the kernels of one channel cannot follow:
 * it has no kernel map.
 */
final class Reshape implements BoundLayer {
    private final String name;
    private final Shape in;
    private final Shape out;

    private final boolean flatten;

    /**
     * @param name the layer's name
     * @param in the input shape
     * @param out the output shape: {@code in} (identity), {@code [in.size()]} (flatten) or another
     *     shape of the same size
     * @param flatten whether this is flatten (its kernel map averages the positions)
     */
    Reshape(String name, Shape in, Shape out, boolean flatten) {
        if (out.size() != in.size()) {
            throw new IllegalArgumentException("reshape to " + out + " needs " + out.size() + " values, the input "
                    + in + " has " + in.size());
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.flatten = flatten;
    }

    private record Through(int n, double[] output) implements Pass, Tangent {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return in;
    }

    @Override
    public Shape outputShape() {
        return out;
    }

    @Override
    public Pass forward(double[][] w, int n, double[] x) {
        return new Through(n, x);
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        return inputGradient ? dy : null;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        return new Through(pass.n(), rx);
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        return inputGradient ? new double[][] {dy, rdy} : null;
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return flatten || out.equals(in) ? Optional.of(this::kernels) : Optional.empty();
    }

    private Kernels kernels(Kernels k, Parameterization parameterization) {
        int p = k.positions();
        if (out.equals(in) || p == 1) {
            return k;
        }
        int n = k.n();
        int side = k.side();
        double[] nngp = new double[n * n];
        double[] ntk = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = 0;
                double b = 0;
                for (int q = 0; q < p; q++) {
                    a += k.nngp()[(i * p + q) * side + j * p + q];
                    b += k.ntk()[(i * p + q) * side + j * p + q];
                }
                nngp[i * n + j] = a / p;
                ntk[i * n + j] = b / p;
            }
        }
        return new Kernels(n, Shape.of(), nngp, ntk);
    }

    /** Linear in its inputs without new weights: the outputs have mean zero when the inputs have. */
    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        return inputZeroMean;
    }
}
