package org.overparam.api;

import java.util.Objects;

/**
 * A point in parameter space: one flat row-major {@code double[]} per block of a {@link Layout}.
 * Gradients, directions and optimizer buffers are Params of the same layout too.
 *
 * <p>Params belong to the run. A plugin may read and (where its contract says so) write the
 * arrays it is handed during a call, but must not keep a reference after the call returns.
 *
 * <p>The vector operations treat all blocks as one vector. They run in block order with a fixed
 * summation order, so results do not depend on threads.
 */
public final class Params {
    private final Layout layout;
    private final double[][] blocks;

    private Params(Layout layout, double[][] blocks) {
        this.layout = layout;
        this.blocks = blocks;
    }

    /**
     * @param layout the layout
     * @return all-zero params of that layout
     */
    public static Params zeros(Layout layout) {
        double[][] b = new double[layout.count()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = new double[layout.block(i).size()];
        }
        return new Params(layout, b);
    }

    /**
     * Wraps existing arrays (not copied).
     *
     * @param layout the layout
     * @param blocks one array per block, each of the block's size
     * @return params over those arrays
     * @throws IllegalArgumentException if a count or size does not match
     */
    public static Params wrap(Layout layout, double[][] blocks) {
        if (blocks.length != layout.count()) {
            throw new IllegalArgumentException("expected " + layout.count() + " blocks, got " + blocks.length);
        }
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i].length != layout.block(i).size()) {
                throw new IllegalArgumentException("block " + layout.block(i).name() + " of shape "
                        + layout.block(i).shape() + " needs " + layout.block(i).size() + " values, got "
                        + blocks[i].length);
            }
        }
        return new Params(layout, blocks);
    }

    /** @return the layout */
    public Layout layout() {
        return layout;
    }

    /**
     * @param i the block's position
     * @return its values (live, not a copy)
     */
    public double[] block(int i) {
        return blocks[i];
    }

    /**
     * @param name the block's name
     * @return its values (live, not a copy)
     */
    public double[] block(String name) {
        return blocks[layout.indexOf(name)];
    }

    /** @return a deep copy */
    public Params copy() {
        double[][] b = new double[blocks.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = blocks[i].clone();
        }
        return new Params(layout, b);
    }

    /** @return zeros of the same layout */
    public Params zerosLike() {
        return zeros(layout);
    }

    /**
     * @param src params of the same layout; its values are copied into this.
     * @return this
     */
    public Params set(Params src) {
        check(src);
        for (int i = 0; i < blocks.length; i++) {
            System.arraycopy(src.blocks[i], 0, blocks[i], 0, blocks[i].length);
        }
        return this;
    }

    /**
     * this += alpha * x.
     *
     * @param alpha the factor
     * @param x same layout, not modified
     * @return this
     */
    public Params axpy(double alpha, Params x) {
        check(x);
        for (int i = 0; i < blocks.length; i++) {
            double[] a = blocks[i];
            double[] b = x.blocks[i];
            for (int j = 0; j < a.length; j++) {
                a[j] += alpha * b[j];
            }
        }
        return this;
    }

    /**
     * {@code this += alpha * x}, returning {@code x.norm()}: one pass instead of two, with the same
     * results bit for bit as {@link #axpy} followed by {@link #norm} (the same operations in the same
     * order; the sum of squares rides in the shadow of the update).
     *
     * @param alpha the factor
     * @param x same layout, not modified (it must not be this)
     * @return the Euclidean norm of x over all blocks
     * @throws IllegalArgumentException if x is this
     * @since 1.4
     */
    public double axpyNorm(double alpha, Params x) {
        return axpyNorm(alpha, x, null);
    }

    /**
     * {@link #axpyNorm(double, Params)} that also tells, per block, whether every value of this is
     * finite after the update: the check reads the values the pass writes, in its shadow, instead of
     * a second pass ({@link #isFinite()}). The update and the norm are the same bits.
     *
     * @param alpha the factor
     * @param x same layout, not modified (it must not be this)
     * @param finite receives at {@code i} whether block i of this is finite after the update (one
     *     entry per block), or {@code null}
     * @return the Euclidean norm of x over all blocks
     * @throws IllegalArgumentException if x is this or {@code finite} has another length
     * @since 1.5
     */
    public double axpyNorm(double alpha, Params x, boolean[] finite) {
        check(x);
        if (x == this) {
            throw new IllegalArgumentException("axpyNorm needs x other than this");
        }
        if (finite != null && finite.length != blocks.length) {
            throw new IllegalArgumentException("expected " + blocks.length + " finiteness flags, got " + finite.length);
        }
        double s = 0;
        for (int i = 0; i < blocks.length; i++) {
            double[] a = blocks[i];
            double[] b = x.blocks[i];
            double block = 0;
            double nan = 0;
            for (int j = 0; j < a.length; j++) {
                double v = b[j];
                double r = a[j] + alpha * v;
                a[j] = r;
                block += v * v;
                nan += r - r;
            }
            s += block;
            if (finite != null) {
                finite[i] = nan == 0;
            }
        }
        return Math.sqrt(s);
    }

    /**
     * this *= alpha.
     *
     * @param alpha the factor
     * @return this
     */
    public Params scale(double alpha) {
        for (double[] a : blocks) {
            for (int j = 0; j < a.length; j++) {
                a[j] *= alpha;
            }
        }
        return this;
    }

    /**
     * @param x same layout
     * @return the inner product over all blocks
     */
    public double dot(Params x) {
        check(x);
        double s = 0;
        for (int i = 0; i < blocks.length; i++) {
            s += dot(blocks[i], x.blocks[i]);
        }
        return s;
    }

    /** @return the Euclidean norm over all blocks */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    /**
     * @param i a block position
     * @return the Euclidean norm of that block
     */
    public double blockNorm(int i) {
        return Math.sqrt(dot(blocks[i], blocks[i]));
    }

    /** @return whether every value is finite */
    public boolean isFinite() {
        for (double[] a : blocks) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private void check(Params other) {
        Objects.requireNonNull(other, "params");
        if (other.layout != layout && !other.layout.equals(layout)) {
            throw new IllegalArgumentException("layouts differ: " + layout + " vs " + other.layout);
        }
    }
}
