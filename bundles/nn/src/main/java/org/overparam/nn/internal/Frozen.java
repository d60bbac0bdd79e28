package org.overparam.nn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overparam.api.Activation;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Shape;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * A layer whose blocks the network does not train by default (the ResNet of arXiv 1811.03962
 * keeps its input and output layers at their initial values): the same passes, its blocks marked
 * untrainable. The run's oracle then returns zero gradient there; the derivatives themselves are
 * unchanged, so a run may still train them (e.g. {@code train = all}).
 */
final class Frozen implements BoundLayer {
    private final BoundLayer inner;
    private final List<Block> blocks;

    Frozen(BoundLayer inner) {
        this.inner = inner;
        List<Block> b = new ArrayList<>();
        for (Block x : inner.blocks()) {
            b.add(new Block(x.name(), x.shape(), x.bias(), x.fanIn(), x.fanOut(), false, x.tiedTo()));
        }
        this.blocks = List.copyOf(b);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Shape inputShape() {
        return inner.inputShape();
    }

    @Override
    public Shape outputShape() {
        return inner.outputShape();
    }

    @Override
    public List<BoundLayer> children() {
        return List.of(inner);
    }

    @Override
    public List<Block> blocks() {
        return blocks;
    }

    @Override
    public Pass forward(double[][] w, int n, double[] x) {
        return inner.forward(w, n, x);
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        return inner.backward(pass, dy, inputGradient, grads);
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        return inner.tangent(pass, v, rx);
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        return inner.rBackward(pass, tangent, dy, rdy, inputGradient, hv);
    }

    @Override
    public boolean densePieces() {
        return inner.densePieces();
    }

    @Override
    public double[] pieces(Pass pass, double[] dy, boolean inputGradient, List<DenseLayerPiece> out) {
        return inner.pieces(pass, dy, inputGradient, out);
    }

    @Override
    public void activations(Pass pass, List<Activation> out) {
        inner.activations(pass, out);
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return inner.kernelMap();
    }

    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        return inner.zeroMean(inputZeroMean);
    }
}
