package org.overparam.plugin.landscape.internal;

import org.overparam.api.Layout;
import org.overparam.api.Params;

/**
 * A set of parameter blocks seen as one flat vector: the blocks' values one after the other in
 * layout order. The Hessian restricted to these blocks ({@code H_SS}) acts on such vectors: a
 * direction is scattered into its blocks with zeros elsewhere, and only these blocks of the
 * product are read back.
 */
final class BlockSet {
    private final Layout layout;
    private final int[] blocks;
    private final int[] offsets;
    private final int size;

    private BlockSet(Layout layout, int[] blocks) {
        this.layout = layout;
        this.blocks = blocks;
        this.offsets = new int[blocks.length + 1];
        long total = 0;
        for (int i = 0; i < blocks.length; i++) {
            offsets[i] = (int) total;
            total += layout.block(blocks[i]).size();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the blocks hold " + total + " values, more than one array can");
        }
        offsets[blocks.length] = (int) total;
        this.size = (int) total;
    }

    /**
     * @param f the objective
     * @return its trained blocks
     */
    static BlockSet trained(Objective f) {
        Layout layout = f.layout();
        int count = 0;
        for (int b = 0; b < layout.count(); b++) {
            count += f.trainable(b) ? 1 : 0;
        }
        int[] blocks = new int[count];
        int i = 0;
        for (int b = 0; b < layout.count(); b++) {
            if (f.trainable(b)) {
                blocks[i++] = b;
            }
        }
        return new BlockSet(layout, blocks);
    }

    /**
     * @param layout a layout
     * @param block a position
     * @return that block alone
     */
    static BlockSet single(Layout layout, int block) {
        return new BlockSet(layout, new int[] {block});
    }

    /** @return the number of values */
    int size() {
        return size;
    }

    /** @return the number of blocks */
    int count() {
        return blocks.length;
    }

    /**
     * @param i an index below {@link #count()}
     * @return the layout position of the i-th block
     */
    int block(int i) {
        return blocks[i];
    }

    /**
     * @param i an index up to {@link #count()}
     * @return where the i-th block starts in the flat vector
     */
    int offset(int i) {
        return offsets[i];
    }

    /**
     * @param i an index below {@link #count()}
     * @return the i-th block's name
     */
    String name(int i) {
        return layout.block(blocks[i]).name();
    }

    /**
     * @param x {@link #size()} values; not modified
     * @param into receives them in this set's blocks; every other block is zeroed
     */
    void scatter(double[] x, Params into) {
        int next = 0;
        for (int b = 0; b < layout.count(); b++) {
            double[] dst = into.block(b);
            if (next < blocks.length && blocks[next] == b) {
                System.arraycopy(x, offsets[next], dst, 0, dst.length);
                next++;
            } else {
                java.util.Arrays.fill(dst, 0.0);
            }
        }
    }

    /**
     * @param from values; not modified
     * @param y receives this set's blocks, {@link #size()} values
     */
    void gather(Params from, double[] y) {
        for (int i = 0; i < blocks.length; i++) {
            double[] src = from.block(blocks[i]);
            System.arraycopy(src, 0, y, offsets[i], src.length);
        }
    }
}
