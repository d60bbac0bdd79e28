package org.overparam.nn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Shape;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Layer;
import org.overparam.nn.Nonlinearity;
import org.overparam.nn.Pass;
import org.overparam.nn.Tangent;

/**
 * The gated surrogate of arXiv 2101.04243 over a serial list of layers: a frozen copy of the
 * layers up to the last activation (blocks {@code gate.NAME}, untrainable, tied to the value
 * blocks, so the run copies their initial values) computes each activation's pre-activations
 * {@code z0}; the value path runs the same layers with its own blocks but replaces each activation
 * by the frozen gate {@code v .* phi'(z0)} (for ReLU the pattern {@code 1[z0 > 0]}). Given the
 * gates the network is linear in each layer's weights; the gate blocks get zero gradient and zero
 * Hessian-vector product, and the NTK pieces are the value path's. No kernel map.
 */
final class Gated implements BoundLayer {
    private final String name;
    private final BoundLayer[] value;
    private final BoundLayer[] gate;
    private final int[] offsets;
    private final int[] gateOffsets;
    private final List<Block> blocks;

    Gated(String name, Shape input, List<Layer> specs) {
        this.name = name;
        Children children = new Children(name, input, specs, true);
        this.value = children.layers;
        this.offsets = children.offsets;
        int last = -1;
        for (int i = 0; i < value.length; i++) {
            last = value[i] instanceof ElementwiseLayer ? i : last;
        }
        if (last < 0) {
            throw new IllegalArgumentException("gated " + name + " has no activation to freeze");
        }
        this.gate = Arrays.copyOf(value, last + 1);
        List<Block> b = new ArrayList<>(children.blocks);
        int valueBlocks = b.size();
        for (int i = 0; i < offsets[last + 1]; i++) {
            Block v = b.get(i);
            b.add(v.frozenCopy(Names.join("gate", v.name()), v.name()));
        }
        this.gateOffsets = new int[last + 2];
        for (int i = 0; i < gateOffsets.length; i++) {
            gateOffsets[i] = valueBlocks + offsets[i];
        }
        this.blocks = List.copyOf(b);
    }

    private record GatedPass(int n, Pass[] values, Pass[] gates, double[] output) implements Pass {
    }

    private record GatedTangent(Tangent[] tangents, double[] output) implements Tangent {
    }

    /** The frozen gate in the value path: {@code v .* phi'(z0)}. */
    private record Gate(int n, double[] output) implements Pass, Tangent {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return value[0].inputShape();
    }

    @Override
    public Shape outputShape() {
        return value[value.length - 1].outputShape();
    }

    @Override
    public List<BoundLayer> children() {
        return List.of(value);
    }

    @Override
    public List<Block> blocks() {
        return blocks;
    }

    private static double[][] slice(double[][] w, int[] at, int i) {
        return Children.slice(w, at, i);
    }

    private boolean gated(int i) {
        return i < gate.length && value[i] instanceof ElementwiseLayer;
    }

    /** {@code x .*= phi'(z0)} in place, z0 the frozen copy's pre-activations at layer i. */
    private void mask(GatedPass p, int i, double[] x) {
        double[] z0 = ElementwiseLayer.preActivations(p.gates()[i]);
        Nonlinearity phi = ((ElementwiseLayer) value[i]).phi();
        phi.timesFirst(z0.length, z0, x);
    }

    @Override
    public Pass forward(double[][] w, int n, double[] x) {
        Pass[] gates = new Pass[gate.length];
        double[] a = x;
        for (int i = 0; i < gate.length; i++) {
            gates[i] = gate[i].forward(slice(w, gateOffsets, i), n, a);
            a = gates[i].output();
        }
        Pass[] values = new Pass[value.length];
        GatedPass p = new GatedPass(n, values, gates, null);
        double[] v = x;
        for (int i = 0; i < value.length; i++) {
            if (gated(i)) {
                double[] g = v.clone();
                mask(p, i, g);
                values[i] = new Gate(n, g);
            } else {
                values[i] = value[i].forward(slice(w, offsets, i), n, v);
            }
            v = values[i].output();
        }
        return new GatedPass(n, values, gates, v);
    }

    private void zeroGates(double[][] arrays) {
        if (arrays != null) {
            for (int i = gateOffsets[0]; i < arrays.length; i++) {
                Arrays.fill(arrays[i], 0.0);
            }
        }
    }

    private boolean needsInput(int i, boolean inputGradient) {
        return inputGradient || offsets[i] > 0;
    }

    @Override
    public double[] backward(Pass pass, double[] dy, boolean inputGradient, double[][] grads) {
        GatedPass p = (GatedPass) pass;
        zeroGates(grads);
        double[] d = dy;
        for (int i = value.length - 1; i >= 0 && d != null; i--) {
            if (gated(i)) {
                mask(p, i, d);
                d = needsInput(i, inputGradient) ? d : null;
            } else {
                d = value[i].backward(p.values()[i], d, needsInput(i, inputGradient), slice(grads, offsets, i));
            }
        }
        return d;
    }

    @Override
    public Tangent tangent(Pass pass, double[][] v, double[] rx) {
        GatedPass p = (GatedPass) pass;
        Tangent[] t = new Tangent[value.length];
        double[] r = rx;
        for (int i = 0; i < value.length; i++) {
            if (gated(i)) {
                double[] g = r == null ? null : r.clone();
                if (g != null) {
                    mask(p, i, g);
                }
                t[i] = new Gate(p.n(), g);
            } else {
                t[i] = value[i].tangent(p.values()[i], slice(v, offsets, i), r);
            }
            r = t[i].output();
        }
        return new GatedTangent(t, r);
    }

    @Override
    public double[][] rBackward(Pass pass, Tangent tangent, double[] dy, double[] rdy, boolean inputGradient,
                                double[][] hv) {
        GatedPass p = (GatedPass) pass;
        Tangent[] t = ((GatedTangent) tangent).tangents();
        zeroGates(hv);
        double[][] s = {dy, rdy};
        for (int i = value.length - 1; i >= 0 && s != null; i--) {
            if (gated(i)) {
                mask(p, i, s[0]);
                mask(p, i, s[1]);
                s = needsInput(i, inputGradient) ? s : null;
            } else {
                s = value[i].rBackward(p.values()[i], t[i], s[0], s[1], needsInput(i, inputGradient),
                        slice(hv, offsets, i));
            }
        }
        return s;
    }

    @Override
    public boolean densePieces() {
        for (BoundLayer l : value) {
            if (!(l instanceof ElementwiseLayer) && !l.densePieces()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] pieces(Pass pass, double[] dy, boolean inputGradient, List<DenseLayerPiece> out) {
        GatedPass p = (GatedPass) pass;
        double[] d = dy;
        for (int i = value.length - 1; i >= 0 && d != null; i--) {
            if (gated(i)) {
                mask(p, i, d);
                d = needsInput(i, inputGradient) ? d : null;
            } else {
                d = value[i].pieces(p.values()[i], d, needsInput(i, inputGradient), out);
            }
        }
        return d;
    }

    /** The frozen copy's pre-activations: the gates' patterns. */
    @Override
    public void activations(Pass pass, List<Activation> out) {
        GatedPass p = (GatedPass) pass;
        for (int i = 0; i < gate.length; i++) {
            gate[i].activations(p.gates()[i], out);
        }
    }
}
