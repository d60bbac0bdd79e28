package org.overparam.nn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.nn.internal.Reusing;
import org.overparam.nn.internal.WantedGradients;

/**
 * A composition of layers bound to an input shape, as an {@link Model}: the layers' blocks are the
 * layout (in layer order), gradients come from the layers' backward passes, Hessian-vector products
 * from their R-operator passes (exact, Pearlmutter 1994), NTK pieces from the dense layers, and the
 * infinite-width kernels from the layers' kernel maps ({@link #kernels}).
 *
 * <p>Roles: among the weight blocks that are not tied, the first in the layout is INPUT, the last
 * OUTPUT and the others HIDDEN; a tied block takes the role of the block it copies; biases are
 * BIAS. The network's output must be a vector ({@code [k]}).
 */
public final class Network implements Model {
    private final BoundLayer root;
    private final Shape inputShape;
    private final int outputs;
    private final Layout layout;
    private final LongUnaryOperator forwardValues;

    private Network(BoundLayer root, LongUnaryOperator forwardValues) {
        this.root = root;
        this.forwardValues = forwardValues;
        this.inputShape = root.inputShape();
        if (root.outputShape().rank() != 1) {
            throw new IllegalArgumentException("the network's output has shape " + root.outputShape()
                    + "; it must be a vector (end with flatten or a dense layer)");
        }
        this.outputs = root.outputShape().dim(0);
        this.layout = new Layout(specs(root.blocks()));
    }

    /**
     * @param inputShape one sample's shape
     * @param layers the layers, applied in turn (a {@code serial})
     * @return the network, its layers named {@code 0, 1, ...}
     * @throws IllegalArgumentException naming the layer and the shapes when one does not fit
     */
    public static Network of(Shape inputShape, Layer... layers) {
        return new Network(Layers.serial(layers).bind(inputShape, ""), null);
    }

    /**
     * @param root a bound layer with a vector output
     * @return it as a network
     */
    public static Network of(BoundLayer root) {
        return new Network(root, null);
    }

    /**
     * @param estimate the doubles a forward and backward pass over that many samples keep (the
     *     run's memory guard reads it; an architecture that knows its layers' temporaries better
     *     than {@link Model#forwardValues}'s dense-layer default gives its own count)
     * @return this network with that count as {@link #forwardValues}
     * @since 1.1
     */
    public Network withForwardValues(LongUnaryOperator estimate) {
        return new Network(root, estimate);
    }

    @Override
    public long forwardValues(long samples) {
        return forwardValues == null ? Model.super.forwardValues(samples) : forwardValues.applyAsLong(samples);
    }

    private static List<BlockSpec> specs(List<Block> blocks) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).bias() && blocks.get(i).tiedTo() == null) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        Map<String, BlockRole> roles = new HashMap<>();
        List<BlockSpec> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            BlockRole role = i == last ? BlockRole.OUTPUT : i == first ? BlockRole.INPUT : BlockRole.HIDDEN;
            if (b.tiedTo() != null) {
                role = roles.getOrDefault(b.tiedTo(), BlockRole.HIDDEN);
            }
            roles.put(b.name(), role);
            out.add(b.spec(role));
        }
        return out;
    }

    /** @return the composition, bound to the input shape */
    public BoundLayer root() {
        return root;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    private record NetForward(Network network, Batch batch, Pass pass) implements Forward {
        @Override
        public double[] output() {
            return pass.output();
        }

        @Override
        public List<Activation> activations() {
            List<Activation> out = new ArrayList<>();
            network.root.activations(pass, out);
            return out;
        }
    }

    private double[][] arrays(Params p) {
        double[][] w = new double[layout.count()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.block(i);
        }
        return w;
    }

    @Override
    public Forward forward(Params params, Batch batch) {
        if (batch.inputSize() != inputShape.size()) {
            throw new IllegalArgumentException("the network reads inputs of shape " + inputShape
                    + ", the batch has " + batch.inputShape());
        }
        return new NetForward(this, batch, root.forward(arrays(params), batch.n(), batch.inputs()));
    }

    /**
     * Into {@code reuse}'s arrays when it is a pass of this network: the dense and elementwise layers
     * (in serial compositions) write their outputs, and their backward passes their input signals,
     * into the arrays of the earlier pass; other layers allocate as usual.
     */
    @Override
    public Forward forward(Params params, Batch batch, Forward reuse) {
        if (!(reuse instanceof NetForward earlier) || earlier.network() != this) {
            return forward(params, batch);
        }
        if (batch.inputSize() != inputShape.size()) {
            throw new IllegalArgumentException("the network reads inputs of shape " + inputShape
                    + ", the batch has " + batch.inputShape());
        }
        return new NetForward(this, batch, Reusing.forward(root, arrays(params), batch.n(), batch.inputs(),
                earlier.pass()));
    }

    private NetForward own(Forward forward) {
        if (!(forward instanceof NetForward f) || f.network() != this) {
            throw new IllegalArgumentException("this forward pass was not made by this network");
        }
        return f;
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        NetForward f = own(forward);
        root.backward(f.pass(), dOutputs.clone(), false, arrays(gradient));
    }

    /**
     * Leaves out the parameter gradients of the layers none of whose blocks is wanted (e.g. a frozen
     * output layer: its weight gradient, a product as large as the layer's forward pass); a layer with
     * a wanted block computes all of its blocks. The unwanted blocks are zeroed afterwards, the wanted
     * ones get the same products as in the full pass.
     */
    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient, boolean[] wanted) {
        NetForward f = own(forward);
        double[][] all = arrays(gradient);
        root.backward(f.pass(), dOutputs.clone(), false, WantedGradients.of(root, all, wanted));
        for (int i = 0; i < all.length; i++) {
            if (!wanted[i]) {
                java.util.Arrays.fill(all[i], 0.0);
            }
        }
    }

    /** Exact: the layers' R-operator passes (Pearlmutter 1994), one forward, tangent and R-backward. */
    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        NetForward f = (NetForward) forward(params, batch);
        int size = batch.n() * outputs;
        Tangent t = root.tangent(f.pass(), arrays(direction), null);
        double[] rf = t.output() != null ? t.output() : new double[size];
        double[] delta = new double[size];
        loss.evaluate(f.output(), delta);
        double[] rdelta = new double[size];
        loss.hessianVector(f.output(), rf, rdelta);
        root.rBackward(f.pass(), t, delta, rdelta, false, arrays(result));
    }

    /** Present when every layer with parameters is dense; pieces in layout order of their weights. */
    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        if (output < 0 || output >= outputs) {
            throw new IllegalArgumentException("output " + output + " is outside [0, " + outputs + ")");
        }
        if (!root.densePieces()) {
            return Optional.empty();
        }
        NetForward f = (NetForward) forward(params, batch);
        int n = batch.n();
        double[] g = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            g[i * outputs + output] = 1.0;
        }
        List<DenseLayerPiece> pieces = new ArrayList<>();
        root.pieces(f.pass(), g, false, pieces);
        List<DenseLayerPiece> out = new ArrayList<>(pieces.size());
        for (DenseLayerPiece p : pieces) {
            out.add(p.inputs() != batch.inputs() ? p : new DenseLayerPiece(p.weightBlock(), p.biasBlock(), p.n(),
                    p.in(), p.out(), p.inputs().clone(), p.signals(), p.biasScale()));
        }
        out.sort(Comparator.comparingInt(p -> layout.indexOf(p.weightBlock())));
        return Optional.of(List.copyOf(out));
    }

    /**
     * The infinite-width NNGP and NTK of the network's output on {@code n} inputs.
     *
     * @param n the number of samples
     * @param x {@code n x inputShape} inputs; not modified
     * @param parameterization the weights' convention
     * @return {@code n x n} kernels of one output
     * @throws UnsupportedOperationException naming the first layer without a kernel map
     */
    public Kernels kernels(int n, double[] x, Parameterization parameterization) {
        KernelMap map = root.kernelMap().orElseThrow(() -> {
            BoundLayer l = withoutKernel(root);
            return new UnsupportedOperationException("layer " + l.name() + " has no infinite-width kernel map"
                    + (!org.overparam.nn.internal.Combinators.isSum(l) ? "" : " (it sums branches of which more than one can have a non-zero"
                    + " mean, e.g. ReLU outputs; end all but one branch with a dense or conv layer)"));
        });
        return map.apply(Kernels.ofInputs(inputShape, n, x), parameterization);
    }

    private static BoundLayer withoutKernel(BoundLayer layer) {
        for (BoundLayer c : layer.children()) {
            if (c.kernelMap().isEmpty()) {
                return withoutKernel(c);
            }
        }
        return layer;
    }
}
