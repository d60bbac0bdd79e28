package org.overparam.nn.internal;

import java.util.Optional;
import org.overparam.api.Shape;
import org.overparam.linalg.Elementwise;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * {@code y = s x} for a fixed scalar s (a residual branch's tau, a temperature): linear, so the
 * backward and R-operator passes multiply by s too, and the kernels by {@code s^2}.
 */
final class ScaleLayer implements BoundLayer {
    private final String name;
    private final Shape shape;
    private final double s;

    ScaleLayer(String name, Shape shape, double s) {
        this.name = name;
        this.shape = shape;
        this.s = s;
    }

    private record Scaled(int n, double[] output) implements Pass, Tangent {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
    }

    @Override
    public Pass forward(double[][] w, int n, double[] x) {
        return new Scaled(n, scaled(x));
    }

    private double[] scaled(double[] x) {
        double[] y = new double[x.length];
        Elementwise.axpby(x.length, s, x, 0.0, y);
        return y;
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        if (!inputGradient) {
            return null;
        }
        Elementwise.scale(dy.length, s, dy);
        return dy;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        return new Scaled(pass.n(), rx == null ? null : scaled(rx));
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        if (!inputGradient) {
            return null;
        }
        Elementwise.scale(dy.length, s, dy);
        Elementwise.scale(rdy.length, s, rdy);
        return new double[][] {dy, rdy};
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return Optional.of((k, p) -> {
            double s2 = s * s;
            double[] nngp = k.nngp().clone();
            double[] ntk = k.ntk().clone();
            Elementwise.scale(nngp.length, s2, nngp);
            Elementwise.scale(ntk.length, s2, ntk);
            return new Kernels(k.n(), k.spatial(), nngp, ntk);
        });
    }

    /** Linear in its inputs without new weights: the outputs have mean zero when the inputs have. */
    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        return inputZeroMean;
    }
}
