package org.overparam.nn;

import java.util.Objects;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Shape;

/**
 * One parameter block of a bound layer, in PyTorch's layout ({@code [out, in]} for a dense weight,
 * {@code [out, in, k...]} for a convolution, {@code [out]} for a bias). Parameterizations scale by
 * the fan-in; the fan-out is the number of outputs each input unit feeds ({@code out k...}).
 * {@link Network} gives the block its {@link BlockRole}.
 *
 * @param name the block's name, unique in the network
 * @param shape its shape
 * @param bias whether it is a bias (role BIAS, fan-in 1)
 * @param fanIn inputs read by each output unit
 * @param fanOut outputs fed by each input unit
 * @param trainable whether the network trains it by default
 * @param tiedTo the block whose initial values it copies (the gated surrogate's frozen gate), or
 *     {@code null}
 */
public record Block(String name, Shape shape, boolean bias, int fanIn, int fanOut, boolean trainable, String tiedTo) {
    /** Checks the fields. */
    public Block {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("block " + name + ": fan-in " + fanIn + " and fan-out " + fanOut
                    + " must be at least 1");
        }
    }

    /**
     * @param name the name
     * @param shape {@code [out, in, k...]}
     * @return a trainable weight block with fan-in {@code in k...} and fan-out {@code out k...}
     */
    public static Block weight(String name, Shape shape) {
        int out = shape.dim(0);
        int in = shape.dim(1);
        int k = (int) (shape.count() / ((long) out * in)); // count: a layout may be counted, never allocated
        return new Block(name, shape, false, in * k, out * k, true, null);
    }

    /**
     * @param name the name
     * @param size the number of output units
     * @return a trainable bias block
     */
    public static Block bias(String name, int size) {
        return new Block(name, Shape.of(size), true, 1, 1, true, null);
    }

    /**
     * @param newName the copy's name
     * @param tied the block whose initial values the copy takes
     * @return an untrainable copy of this block tied to {@code tied}
     */
    public Block frozenCopy(String newName, String tied) {
        return new Block(newName, shape, bias, fanIn, fanOut, false, tied);
    }

    /**
     * @param role the role in the network
     * @return the API's block spec
     */
    public BlockSpec spec(BlockRole role) {
        return new BlockSpec(name, shape, bias ? BlockRole.BIAS : role, fanIn, trainable, tiedTo);
    }
}
