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
 * Average pooling over non-overlapping or strided windows of {@code [c, l]} or {@code [c, h, w]}
 * (no padding), or over all positions ({@code global}: {@code [c, spatial...] -> [c]}). Linear
 * with fixed weights {@code 1 / |window|}: backward spreads {@code dy / |window|} over the window,
 * the R-operator applies the same map to the tangents. Kernel map: the mean over all pairs of
 * positions of the two windows, {@code K'(o, o') = |window|^-2 sum_{d, d'} K(o s + d, o' s + d')},
 * likewise Theta (global pooling: the mean over all position pairs; Arora et al. 2019,
 * arXiv 1904.11955).
 */
final class Pooling implements BoundLayer {
    private final String name;
    private final Shape in;
    private final Shape out;
    private final int c;
    private final int h;
    private final int w;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int oh;
    private final int ow;

    /**
     * @param name the layer's name
     * @param in the input shape, rank 2 or 3
     * @param window the window per spatial axis, or {@code null} for global pooling
     * @param stride the stride per axis (ignored for global pooling)
     */
    Pooling(String name, Shape in, int[] window, int[] stride) {
        if (in.rank() < 2 || in.rank() > 3 || window != null && window.length != in.rank() - 1) {
            throw new IllegalArgumentException("pooling reads [c, l] or [c, h, w] with one window size per spatial axis,"
                    + " got shape " + in);
        }
        this.name = name;
        this.in = in;
        this.c = in.dim(0);
        this.h = in.rank() == 3 ? in.dim(1) : 1;
        this.w = in.dim(in.rank() - 1);
        this.kh = window == null ? h : in.rank() == 3 ? window[0] : 1;
        this.kw = window == null ? w : window[window.length - 1];
        this.sh = window == null ? 1 : in.rank() == 3 ? stride[0] : 1;
        this.sw = window == null ? 1 : stride[stride.length - 1];
        this.oh = org.overparam.linalg.Im2col.outputSize(h, kh, sh, 0);
        this.ow = org.overparam.linalg.Im2col.outputSize(w, kw, sw, 0);
        this.out = window == null ? Shape.of(c) : in.rank() == 3 ? Shape.of(c, oh, ow) : Shape.of(c, ow);
    }

    private record Pooled(int n, double[] output) implements Pass, Tangent {
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

    private double[] pool(int n, double[] x) {
        double[] y = new double[n * c * oh * ow];
        double inv = 1.0 / (kh * kw);
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double s = 0;
                    for (int ki = 0; ki < kh; ki++) {
                        int row = plane * h * w + (oy * sh + ki) * w + ox * sw;
                        for (int kj = 0; kj < kw; kj++) {
                            s += x[row + kj];
                        }
                    }
                    y[(plane * oh + oy) * ow + ox] = s * inv;
                }
            }
        }
        return y;
    }

    private double[] spread(int n, double[] dy) {
        double[] dx = new double[n * c * h * w];
        double inv = 1.0 / (kh * kw);
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double g = dy[(plane * oh + oy) * ow + ox] * inv;
                    for (int ki = 0; ki < kh; ki++) {
                        int row = plane * h * w + (oy * sh + ki) * w + ox * sw;
                        for (int kj = 0; kj < kw; kj++) {
                            dx[row + kj] += g;
                        }
                    }
                }
            }
        }
        return dx;
    }

    @Override
    public Pass forward(double[][] weights, int n, double[] x) {
        return new Pooled(n, pool(n, x));
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        return inputGradient ? spread(pass.n(), dy) : null;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        return new Pooled(pass.n(), rx == null ? null : pool(pass.n(), rx));
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        return inputGradient ? new double[][] {spread(pass.n(), dy), spread(pass.n(), rdy)} : null;
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return Optional.of(this::kernels);
    }

    private Kernels kernels(Kernels k, Parameterization parameterization) {
        int n = k.n();
        int pIn = h * w;
        int pOut = oh * ow;
        int sideIn = n * pIn;
        int sideOut = n * pOut;
        double inv = 1.0 / ((double) kh * kw * kh * kw);
        double[] nngp = new double[sideOut * sideOut];
        double[] ntk = new double[sideOut * sideOut];
        for (int a = 0; a < sideOut; a++) {
            int i = a / pOut;
            int ay = (a % pOut) / ow * sh;
            int ax = a % ow * sw;
            for (int b = 0; b < sideOut; b++) {
                int j = b / pOut;
                int by = (b % pOut) / ow * sh;
                int bx = b % ow * sw;
                double sk = 0;
                double st = 0;
                for (int d1 = 0; d1 < kh * kw; d1++) {
                    int row = (i * pIn + (ay + d1 / kw) * w + ax + d1 % kw) * sideIn + j * pIn;
                    for (int d2 = 0; d2 < kh * kw; d2++) {
                        int at = row + (by + d2 / kw) * w + bx + d2 % kw;
                        sk += k.nngp()[at];
                        st += k.ntk()[at];
                    }
                }
                nngp[a * sideOut + b] = sk * inv;
                ntk[a * sideOut + b] = st * inv;
            }
        }
        Shape spatial = out.rank() == 1 ? Shape.of() : out.rank() == 2 ? Shape.of(ow) : Shape.of(oh, ow);
        return new Kernels(n, spatial, nngp, ntk);
    }

    /** Linear in its inputs without new weights: the outputs have mean zero when the inputs have. */
    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        return inputZeroMean;
    }
}
