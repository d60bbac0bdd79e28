package org.overparam.nn.internal;

import java.util.List;
import java.util.Optional;
import org.overparam.api.Activation;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Shape;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Layer;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * Layers applied in turn (stax's {@code serial}): each layer reads the previous one's output; the
 * blocks are the layers' blocks in order; backward and R-backward run the layers in reverse, and
 * the first layer computes no input signal unless asked. The kernel map is the composition of the
 * layers' maps.
 */
final class Serial implements BoundLayer, Reusing {
    private final String name;
    private final Children children;
    private final BoundLayer[] layers;
    /** Whether a layer before layer i has parameters: only then does layer i need its input signal. */
    private final boolean[] paramsBefore;

    /**
     * @param name the combinator's name; layer i is named {@code name.i}
     * @param input the first layer's input shape
     * @param specs the layers, at least one
     * @throws IllegalArgumentException naming the layer when one cannot read its input
     */
    Serial(String name, Shape input, List<Layer> specs) {
        this.name = name;
        this.children = new Children(name, input, specs, true);
        this.layers = children.layers;
        this.paramsBefore = new boolean[layers.length];
        for (int i = 1; i < layers.length; i++) {
            paramsBefore[i] = children.offsets[i] > 0;
        }
    }

    private record SerialPass(int n, Pass[] passes, double[] output) implements Pass {
    }

    private record SerialTangent(Tangent[] tangents, double[] output) implements Tangent {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return layers[0].inputShape();
    }

    @Override
    public Shape outputShape() {
        return layers[layers.length - 1].outputShape();
    }

    @Override
    public List<BoundLayer> children() {
        return List.of(layers);
    }

    @Override
    public List<Block> blocks() {
        return children.blocks;
    }

    private double[][] slice(double[][] w, int i) {
        return children.slice(w, i);
    }

    @Override
    public Pass forward(double[][] w, int n, double[] x) {
        Pass[] passes = new Pass[layers.length];
        double[] a = x;
        for (int i = 0; i < layers.length; i++) {
            passes[i] = layers[i].forward(slice(w, i), n, a);
            a = passes[i].output();
        }
        return new SerialPass(n, passes, a);
    }

    /** Each layer into its own earlier pass (a layer that cannot reuse allocates as usual). */
    @Override
    public Pass forward(double[][] w, int n, double[] x, Pass reuse) {
        if (!(reuse instanceof SerialPass earlier) || earlier.passes().length != layers.length) {
            return forward(w, n, x);
        }
        Pass[] passes = new Pass[layers.length];
        double[] a = x;
        for (int i = 0; i < layers.length; i++) {
            passes[i] = Reusing.forward(layers[i], slice(w, i), n, a, earlier.passes()[i]);
            a = passes[i].output();
        }
        return new SerialPass(n, passes, a);
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        Pass[] passes = ((SerialPass) pass).passes();
        double[] d = dy;
        for (int i = layers.length - 1; i >= 0 && d != null; i--) {
            d = layers[i].backward(passes[i], d, paramsBefore[i] || inputGradient, slice(grads, i));
        }
        return d;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        Pass[] passes = ((SerialPass) pass).passes();
        Tangent[] t = new Tangent[layers.length];
        double[] r = rx;
        for (int i = 0; i < layers.length; i++) {
            t[i] = layers[i].tangent(passes[i], slice(v, i), r);
            r = t[i].output();
        }
        return new SerialTangent(t, r);
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        Pass[] passes = ((SerialPass) pass).passes();
        Tangent[] t = ((SerialTangent) tangent).tangents();
        double[][] s = {dy, rdy};
        for (int i = layers.length - 1; i >= 0 && s != null; i--) {
            s = layers[i].rBackward(passes[i], t[i], s[0], s[1], paramsBefore[i] || inputGradient, slice(hv, i));
        }
        return s;
    }

    @Override
    public boolean densePieces() {
        for (BoundLayer l : layers) {
            if (!l.densePieces()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] pieces(Pass pass, double[] dy, boolean inputGradient, List<DenseLayerPiece> out) {
        Pass[] passes = ((SerialPass) pass).passes();
        double[] d = dy;
        for (int i = layers.length - 1; i >= 0 && d != null; i--) {
            d = layers[i].pieces(passes[i], d, paramsBefore[i] || inputGradient, out);
        }
        return d;
    }

    @Override
    public void activations(Pass pass, List<Activation> out) {
        Pass[] passes = ((SerialPass) pass).passes();
        for (int i = 0; i < layers.length; i++) {
            layers[i].activations(passes[i], out);
        }
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        KernelMap[] maps = new KernelMap[layers.length];
        for (int i = 0; i < layers.length; i++) {
            Optional<KernelMap> m = layers[i].kernelMap();
            if (m.isEmpty()) {
                return Optional.empty();
            }
            maps[i] = m.get();
        }
        return Optional.of((k, p) -> {
            Kernels out = k;
            for (KernelMap m : maps) {
                out = m.apply(out, p);
            }
            return out;
        });
    }

    @Override
    public boolean zeroMean(boolean inputZeroMean) {
        boolean zero = inputZeroMean;
        for (BoundLayer layer : layers) {
            zero = layer.zeroMean(zero);
        }
        return zero;
    }
}
