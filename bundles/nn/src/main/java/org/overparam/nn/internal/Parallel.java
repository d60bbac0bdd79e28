package org.overparam.nn.internal;

import java.util.List;
import java.util.Optional;
import org.overparam.api.Activation;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Shape;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.FanIn;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Layer;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * Fan-out and fan-in (stax's {@code parallel} between {@code FanOut} and {@code FanInSum} or
 * {@code FanInConcat}): every branch reads the same input; their outputs are summed or
 * concatenated along the channel axis. Backward: the branches' input signals add up. Branches have
 * independent weights, so in the infinite-width limit their outputs are independent: a sum's
 * kernels are the sum of the branches' kernels (a residual block {@code h + tau f(h)} gives
 * {@code K + tau^2 K_f}), a concatenation's the channel-weighted mean.
 */
final class Parallel implements BoundLayer {
    private final String name;
    private final FanIn fanIn;
    private final Children children;
    private final BoundLayer[] branches;
    private final Shape out;
    /** Values per sample of each branch's output. */
    private final int[] sizes;

    Parallel(String name, Shape input, FanIn fanIn, List<Layer> specs) {
        this.name = name;
        this.fanIn = fanIn;
        this.children = new Children(name, input, specs, false);
        this.branches = children.layers;
        this.sizes = new int[branches.length];
        int channels = 0;
        Shape first = branches[0].outputShape();
        for (int i = 0; i < branches.length; i++) {
            Shape s = branches[i].outputShape();
            sizes[i] = s.size();
            channels += s.dim(0);
            boolean fits = fanIn == FanIn.SUM ? s.equals(first)
                    : s.rank() == first.rank() && s.size() / s.dim(0) == first.size() / first.dim(0);
            if (!fits) {
                throw new IllegalArgumentException(fanIn.name().toLowerCase(java.util.Locale.ROOT) + " of " + name
                        + ": branch " + i + " gives shape " + s + ", branch 0 gives " + first);
            }
        }
        int[] dims = first.dims();
        if (fanIn == FanIn.CONCAT) {
            dims[0] = channels;
        }
        this.out = Shape.of(dims);
    }

    private record ParallelPass(int n, Pass[] passes, double[] output) implements Pass {
    }

    private record ParallelTangent(Tangent[] tangents, double[] output) implements Tangent {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return branches[0].inputShape();
    }

    @Override
    public Shape outputShape() {
        return out;
    }

    @Override
    public List<BoundLayer> children() {
        return List.of(branches);
    }

    @Override
    public List<Block> blocks() {
        return children.blocks;
    }

    private double[][] slice(double[][] w, int i) {
        return children.slice(w, i);
    }

    /** Joins the branch outputs (null entries are zero); null if all are null. */
    private double[] join(int n, double[][] parts) {
        boolean any = false;
        for (double[] p : parts) {
            any |= p != null;
        }
        if (!any) {
            return null;
        }
        double[] y = new double[n * out.size()];
        int total = out.size();
        int at = 0;
        for (int b = 0; b < parts.length; b++) {
            double[] p = parts[b];
            if (p != null) {
                for (int i = 0; i < n; i++) {
                    for (int e = 0; e < sizes[b]; e++) {
                        y[i * total + at + e] += p[i * sizes[b] + e];
                    }
                }
            }
            at += fanIn == FanIn.CONCAT ? sizes[b] : 0;
        }
        return y;
    }

    /**
     * The output signal for branch b: its slice of a concatenation, or a private copy of a sum's
     * (a branch may overwrite its signal). The input signals the branches return are therefore
     * private arrays too, and are summed in place.
     */
    private double[] part(int n, double[] dy, int b) {
        if (fanIn == FanIn.SUM) {
            return dy.clone();
        }
        int at = 0;
        for (int i = 0; i < b; i++) {
            at += sizes[i];
        }
        double[] p = new double[n * sizes[b]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(dy, i * out.size() + at, p, i * sizes[b], sizes[b]);
        }
        return p;
    }

    private static double[] add(double[] sum, double[] x) {
        if (sum == null) {
            return x;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += x[i];
        }
        return sum;
    }

    @Override
    public Pass forward(double[][] w, int n, double[] x) {
        Pass[] passes = new Pass[branches.length];
        double[][] outs = new double[branches.length][];
        for (int b = 0; b < branches.length; b++) {
            passes[b] = branches[b].forward(slice(w, b), n, x);
            outs[b] = passes[b].output();
        }
        return new ParallelPass(n, passes, join(n, outs));
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        ParallelPass p = (ParallelPass) pass;
        double[] dx = null;
        for (int b = 0; b < branches.length; b++) {
            double[] d = branches[b].backward(p.passes()[b], part(p.n(), dy, b), inputGradient, slice(grads, b));
            dx = inputGradient ? add(dx, d) : null;
        }
        return dx;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        ParallelPass p = (ParallelPass) pass;
        Tangent[] t = new Tangent[branches.length];
        double[][] outs = new double[branches.length][];
        for (int b = 0; b < branches.length; b++) {
            t[b] = branches[b].tangent(p.passes()[b], slice(v, b), rx);
            outs[b] = t[b].output();
        }
        return new ParallelTangent(t, join(p.n(), outs));
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        ParallelPass p = (ParallelPass) pass;
        Tangent[] t = ((ParallelTangent) tangent).tangents();
        double[] dx = null;
        double[] rdx = null;
        for (int b = 0; b < branches.length; b++) {
            double[][] s = branches[b].rBackward(p.passes()[b], t[b], part(p.n(), dy, b), part(p.n(), rdy, b),
                    inputGradient, slice(hv, b));
            if (inputGradient) {
                dx = add(dx, s[0]);
                rdx = add(rdx, s[1]);
            }
        }
        return inputGradient ? new double[][] {dx, rdx} : null;
    }

    @Override
    public boolean densePieces() {
        for (BoundLayer b : branches) {
            if (!b.densePieces()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] pieces(Pass pass, double[] dy, boolean inputGradient, List<DenseLayerPiece> pieces) {
        ParallelPass p = (ParallelPass) pass;
        double[] dx = null;
        for (int b = 0; b < branches.length; b++) {
            double[] d = branches[b].pieces(p.passes()[b], part(p.n(), dy, b), inputGradient, pieces);
            dx = inputGradient ? add(dx, d) : null;
        }
        return dx;
    }

    @Override
    public void activations(Pass pass, List<Activation> out) {
        ParallelPass p = (ParallelPass) pass;
        for (int b = 0; b < branches.length; b++) {
            branches[b].activations(p.passes()[b], out);
        }
    }

    /** @return whether the branches' outputs are summed */
    boolean sums() {
        return fanIn == FanIn.SUM;
    }

    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        for (BoundLayer b : branches) {
            if (!b.zeroMean(inputZeroMean)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The weighted sum of the branches' maps; for a sum, only when at most one branch can have a
     * non-zero mean (see {@link BoundLayer#zeroMean}), since the map does not carry the cross terms.
     */
    @Override
    public Optional<KernelMap> kernelMap() {
        if (fanIn == FanIn.SUM) {
            int nonZero = 0;
            for (BoundLayer b : branches) {
                nonZero += b.zeroMean(false) ? 0 : 1;
            }
            if (nonZero > 1) {
                return Optional.empty();
            }
        }
        KernelMap[] maps = new KernelMap[branches.length];
        for (int b = 0; b < branches.length; b++) {
            Optional<KernelMap> m = branches[b].kernelMap();
            if (m.isEmpty()) {
                return Optional.empty();
            }
            maps[b] = m.get();
        }
        return Optional.of((k, param) -> {
            double[] nngp = null;
            double[] ntk = null;
            Kernels last = null;
            for (int b = 0; b < maps.length; b++) {
                last = maps[b].apply(k, param);
                double weight = fanIn == FanIn.SUM ? 1.0 : (double) branches[b].outputShape().dim(0) / out.dim(0);
                if (nngp == null) {
                    nngp = new double[last.nngp().length];
                    ntk = new double[last.ntk().length];
                }
                for (int e = 0; e < nngp.length; e++) {
                    nngp[e] += weight * last.nngp()[e];
                    ntk[e] += weight * last.ntk()[e];
                }
            }
            return new Kernels(k.n(), last.spatial(), nngp, ntk);
        });
    }
}
