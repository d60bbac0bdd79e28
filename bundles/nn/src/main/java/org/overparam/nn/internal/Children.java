package org.overparam.nn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.overparam.api.Shape;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Layer;

/**
 * The bound layers of a combinator and where their blocks sit in its block list: child i owns the
 * combinator's blocks {@code offsets[i] .. offsets[i + 1] - 1}. Children are named
 * {@code name.i}; a child that cannot read its input fails naming itself and the shape.
 */
final class Children {
    private static final double[][] NONE = new double[0][];

    /** The bound layers. */
    final BoundLayer[] layers;
    /** Block offsets, one more than the layers. */
    final int[] offsets;
    /** All blocks, in child order. */
    final List<Block> blocks;

    /**
     * @param name the combinator's name
     * @param input the input shape of the first child (of every child when not chained)
     * @param specs the children as written, at least one
     * @param chained whether each child reads the previous child's output (serial) or the input
     *     (parallel branches)
     */
    Children(String name, Shape input, List<Layer> specs, boolean chained) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException(name.isEmpty() ? "a network needs at least one layer"
                    : "combinator " + name + " has no layers");
        }
        layers = new BoundLayer[specs.size()];
        offsets = new int[specs.size() + 1];
        List<Block> b = new ArrayList<>();
        Shape shape = input;
        for (int i = 0; i < layers.length; i++) {
            String child = Names.join(name, String.valueOf(i));
            try {
                layers[i] = specs.get(i).bind(shape, child);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + child + " (input " + shape + "): " + e.getMessage(), e);
            }
            b.addAll(layers[i].blocks());
            offsets[i + 1] = b.size();
            shape = chained ? layers[i].outputShape() : input;
        }
        blocks = List.copyOf(b);
    }

    /**
     * @param w the combinator's block arrays, or null
     * @param at block offsets
     * @param i a child
     * @return child i's arrays (null for null, and when all of child i's arrays are null: a
     *     backward pass then computes no parameter gradient there, see {@link WantedGradients})
     */
    static double[][] slice(double[][] w, int[] at, int i) {
        if (w == null) {
            return null;
        }
        if (at[i] == at[i + 1]) {
            return NONE;
        }
        for (int j = at[i]; j < at[i + 1]; j++) {
            if (w[j] != null) {
                return Arrays.copyOfRange(w, at[i], at[i + 1]);
            }
        }
        return null;
    }

    /**
     * @param w the combinator's block arrays, or null
     * @param i a child
     * @return child i's arrays
     */
    double[][] slice(double[][] w, int i) {
        return slice(w, offsets, i);
    }
}
