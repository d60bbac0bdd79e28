package org.overparam.nn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Shape;
import org.overparam.linalg.DenseMap;
import org.overparam.nn.Block;
import org.overparam.nn.Dense;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Parameterization;
import org.overparam.nn.Pass;

/**
 * A bound {@link Dense} layer: {@code Y = X W^T (+ b)}, one {@link DenseMap} gemm per operation over
 * the batch, the same calls as the fc architecture's hand-written passes; the R-operator is
 * {@link LinearLayer}'s. Its NTK piece is its inputs and output signals.
 *
 * <p>Kernel map (Lee et al. 2018, arXiv 1711.00165; Jacot et al. 2018, arXiv 1806.07572): NTK
 * parameterization {@code K' = sw2 K + sb2}, {@code Theta' = K' + sw2 Theta}; standard
 * {@code K'} the same and {@code Theta' = in K + sw2 Theta (+ 1 with a bias)} (neural-tangents'
 * {@code Dense}).
 */
public final class DenseLayer extends LinearLayer {
    private final int in;
    private final int out;
    private final Dense spec;

    /**
     * @param name the layer's name
     * @param in input width
     * @param spec the layer as written
     */
    public DenseLayer(String name, int in, Dense spec) {
        super(name, new DenseMap(in, spec.width()), spec.width(), 1, blocks(name, in, spec));
        this.in = in;
        this.out = spec.width();
        this.spec = spec;
    }

    private static List<Block> blocks(String name, int in, Dense spec) {
        List<Block> b = new ArrayList<>();
        b.add(Block.weight(spec.weightName() != null ? spec.weightName() : Names.join(name, "weight"),
                Shape.of(spec.width(), in)));
        if (spec.bias()) {
            b.add(Block.bias(spec.biasName() != null ? spec.biasName() : Names.join(name, "bias"), spec.width()));
        }
        return b;
    }

    @Override
    public Shape inputShape() {
        return Shape.of(in);
    }

    @Override
    public Shape outputShape() {
        return Shape.of(out);
    }

    @Override
    public boolean densePieces() {
        return true;
    }

    @Override
    public double[] pieces(Pass pass, double[] dy, boolean inputGradient, List<DenseLayerPiece> pieces) {
        LinearPass p = (LinearPass) pass;
        String bias = hasBias() ? blocks().get(1).name() : null;
        pieces.add(new DenseLayerPiece(blocks().get(0).name(), bias, p.n(), in, out, p.x(), dy, hasBias() ? 1.0 : 0.0));
        return inputGradient ? inputGradient(p.n(), p.weight(), dy) : null;
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return Optional.of(this::kernels);
    }

    private Kernels kernels(Kernels k, Parameterization parameterization) {
        if (k.positions() != 1) {
            throw new IllegalArgumentException("dense " + name() + " reads vectors, its input kernel has "
                    + k.positions() + " positions (put flatten before it)");
        }
        double sw2 = spec.weightVariance();
        double sb2 = hasBias() ? spec.biasVariance() : 0.0;
        double biasTerm = hasBias() ? 1.0 : 0.0;
        boolean ntkParam = parameterization == Parameterization.NTK;
        double[] nngp = new double[k.nngp().length];
        double[] ntk = new double[nngp.length];
        for (int i = 0; i < nngp.length; i++) {
            nngp[i] = sw2 * k.nngp()[i] + sb2;
            ntk[i] = ntkParam ? nngp[i] + sw2 * k.ntk()[i] : in * k.nngp()[i] + sw2 * k.ntk()[i] + biasTerm;
        }
        return new Kernels(k.n(), k.spatial(), nngp, ntk);
    }
}
