package org.overparam.api;

import java.util.Objects;

/**
 * One named parameter block of a model's {@link Layout}.
 *
 * @param name unique within the layout, e.g. {@code W1}, {@code b1}, {@code conv2.weight}
 * @param shape the block's shape in PyTorch's layout ({@code [out, in]}, {@code [out, in, k...]},
 *     {@code [out]} for a bias)
 * @param role where the block sits in the network
 * @param fanIn the number of inputs each output unit of this block reads (in·k... for a
 *     convolution, 1 for a bias); parameterizations scale by it
 * @param trainable whether the architecture trains this block by default; a run can freeze more
 * @param tiedTo the name of another block whose initial values (and multipliers) this block
 *     copies, or {@code null}: the gated surrogate's frozen gate network is tied to the initial
 *     weights of its value network
 */
public record BlockSpec(String name, Shape shape, BlockRole role, int fanIn, boolean trainable, String tiedTo) {
    /** Checks the fields. */
    public BlockSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a block needs a name");
        }
        if (fanIn < 1) {
            throw new IllegalArgumentException("block " + name + ": fan-in " + fanIn + " is below 1");
        }
    }

    /**
     * A trainable, untied block.
     *
     * @param name the block's name
     * @param shape its shape
     * @param role its role
     * @param fanIn its fan-in
     * @return the spec
     */
    public static BlockSpec of(String name, Shape shape, BlockRole role, int fanIn) {
        return new BlockSpec(name, shape, role, fanIn, true, null);
    }

    /** @return the number of values in the block */
    public int size() {
        return shape.size();
    }
}
