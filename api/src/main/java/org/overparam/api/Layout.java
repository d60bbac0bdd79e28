package org.overparam.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered list of a model's parameter blocks. The layout is the compatibility contract: a new
 * version of a component can take over a running run when the layouts are equal (same names,
 * shapes and roles in the same order).
 */
public final class Layout {
    private final List<BlockSpec> blocks;
    private final Map<String, Integer> index;
    private final long size;

    /**
     * @param blocks the blocks in order; names must be unique
     * @throws IllegalArgumentException on a repeated name or a tie to an unknown or differently
     *     shaped block
     * @throws InvalidInputException if the blocks hold more than {@code 2^63-1} parameters in all
     *     (sizes chosen by a user: the message names the block)
     */
    public Layout(List<BlockSpec> blocks) {
        this.blocks = List.copyOf(blocks);
        Map<String, Integer> idx = new HashMap<>();
        long total = 0;
        for (int i = 0; i < this.blocks.size(); i++) {
            BlockSpec b = this.blocks.get(i);
            if (idx.put(b.name(), i) != null) {
                throw new IllegalArgumentException("block name " + b.name() + " appears twice in the layout");
            }
            try {
                total = Math.addExact(total, b.shape().count());
            } catch (ArithmeticException e) {
                throw new InvalidInputException("", "the model would have more than 2^63-1 parameters (at block "
                        + b.name() + " " + b.shape() + ")");
            }
        }
        for (BlockSpec b : this.blocks) {
            if (b.tiedTo() != null) {
                Integer t = idx.get(b.tiedTo());
                if (t == null || !this.blocks.get(t).shape().equals(b.shape())) {
                    throw new IllegalArgumentException("block " + b.name() + " is tied to " + b.tiedTo()
                            + ", which is missing or of another shape");
                }
            }
        }
        this.index = Collections.unmodifiableMap(idx);
        this.size = total;
    }

    /** @return the blocks in order (unmodifiable) */
    public List<BlockSpec> blocks() {
        return blocks;
    }

    /** @return the number of blocks */
    public int count() {
        return blocks.size();
    }

    /**
     * @param i the position
     * @return the block at that position
     */
    public BlockSpec block(int i) {
        return blocks.get(i);
    }

    /**
     * @param name a block name
     * @return its position
     * @throws IllegalArgumentException if there is no such block
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no block named " + name + " (blocks: " + names() + ")");
        }
        return i;
    }

    /**
     * @param name a block name
     * @return whether the layout has it
     */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** @return the block names in order */
    public List<String> names() {
        List<String> n = new ArrayList<>(blocks.size());
        for (BlockSpec b : blocks) {
            n.add(b.name());
        }
        return n;
    }

    /**
     * @return the total number of parameters, an exact count even when a block is too large for one
     *     array (a run refuses such a layout before it allocates anything)
     */
    public long size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Layout other) || other.blocks.size() != blocks.size()) {
            return false;
        }
        for (int i = 0; i < blocks.size(); i++) {
            BlockSpec a = blocks.get(i);
            BlockSpec b = other.blocks.get(i);
            if (!a.name().equals(b.name()) || !a.shape().equals(b.shape()) || a.role() != b.role()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (BlockSpec b : blocks) {
            h = 31 * h + b.name().hashCode() * 17 + b.shape().hashCode();
        }
        return h;
    }

    /** @return e.g. {@code [W1 1024x10, W2 1x1024]} */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < blocks.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(blocks.get(i).name()).append(' ').append(blocks.get(i).shape());
        }
        return s.append(']').toString();
    }
}
