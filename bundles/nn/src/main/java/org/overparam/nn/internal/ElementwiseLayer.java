package org.overparam.nn.internal;

import java.util.List;
import java.util.Optional;
import org.overparam.api.Activation;
import org.overparam.api.Shape;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Nonlinearity;
import org.overparam.nn.Parameterization;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * {@code a = phi(z)} elementwise, any shape: the one general activation layer (stax's
 * {@code Elementwise}); relu, tanh, erf and softplus are its named cases. Backward
 * {@code dz = da .* phi'(z)} in place; R-operator {@code R{a} = phi'(z) .* R{z}} and
 * {@code R{dz} = R{da} .* phi'(z) + da .* phi''(z) .* R{z}}.
 *
 * <p>Kernel map, per pair of (sample, position) entries a, b with {@code (u, v) ~ N(0, K_ab)}:
 * {@code K'_ab = E[phi(u) phi(v)]}, {@code Theta'_ab = E[phi'(u) phi'(v)] Theta_ab}
 * ({@link Nonlinearity#expectations}).
 */
final class ElementwiseLayer implements BoundLayer, Reusing {
    private final String name;
    private final Shape shape;
    private final Nonlinearity phi;

    ElementwiseLayer(String name, Shape shape, Nonlinearity phi) {
        this.name = name;
        this.shape = shape;
        this.phi = phi;
    }

    private record ElementwisePass(int n, double[] z, double[] output) implements Pass {
    }

    private record ElementwiseTangent(double[] rz, double[] output) implements Tangent {
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the activation */
    Nonlinearity phi() {
        return phi;
    }

    /**
     * @param pass a pass of an elementwise layer
     * @return its pre-activations (live)
     */
    static double[] preActivations(Pass pass) {
        return ((ElementwisePass) pass).z();
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
        double[] a = new double[x.length];
        phi.apply(x.length, x, a);
        return new ElementwisePass(n, x, a);
    }

    /** {@code phi} overwrites every entry, so the earlier pass's activations take the new ones. */
    @Override
    public Pass forward(double[][] w, int n, double[] x, Pass reuse) {
        double[] a = Reusing.array(reuse instanceof ElementwisePass p ? p.output() : null, x.length);
        phi.apply(x.length, x, a);
        return new ElementwisePass(n, x, a);
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        if (!inputGradient) {
            return null;
        }
        double[] z = ((ElementwisePass) pass).z();
        phi.timesFirst(z.length, z, dy);
        return dy;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        if (rx == null) {
            return new ElementwiseTangent(null, null);
        }
        double[] z = ((ElementwisePass) pass).z();
        double[] r = rx.clone();
        phi.timesFirst(z.length, z, r);
        return new ElementwiseTangent(rx, r);
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        if (!inputGradient) {
            return null;
        }
        double[] z = ((ElementwisePass) pass).z();
        phi.rBackward(z.length, z, dy, ((ElementwiseTangent) tangent).rz(), rdy);
        phi.timesFirst(z.length, z, dy);
        return new double[][] {dy, rdy};
    }

    @Override
    public void activations(Pass pass, List<Activation> out) {
        out.add(new Activation(name, shape.size(), ((ElementwisePass) pass).z()));
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return Optional.of(this::kernels);
    }

    private Kernels kernels(Kernels k, Parameterization parameterization) {
        int side = k.side();
        double[] kin = k.nngp();
        double[] nngp = new double[kin.length];
        double[] ntk = new double[kin.length];
        double[] e = new double[2];
        for (int a = 0; a < side; a++) {
            double kaa = kin[a * side + a];
            for (int b = a; b < side; b++) {
                phi.expectations(kaa, kin[a * side + b], kin[b * side + b], e);
                nngp[a * side + b] = e[0];
                nngp[b * side + a] = e[0];
                ntk[a * side + b] = e[1] * k.ntk()[a * side + b];
                ntk[b * side + a] = e[1] * k.ntk()[b * side + a];
            }
        }
        return new Kernels(k.n(), k.spatial(), nngp, ntk);
    }

    /** An odd activation (tanh, erf) of zero-mean Gaussian inputs has mean zero; others (relu, softplus) do not. */
    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        return inputZeroMean && (phi == Nonlinearity.TANH || phi == Nonlinearity.ERF);
    }
}
