package org.overparam.api;

import java.util.List;
import java.util.Optional;

/**
 * The forward multipliers of a parameterization: one {@link BlockScale} per block of a layout.
 * The network computes with {@code effective = multiplier .* raw}; optimizers and analyzers work on
 * the raw values. Gradients, Hessian-vector products and NTK pieces in raw coordinates follow by
 * the chain rule: {@code dF/draw = multiplier .* dF/deffective} and
 * {@code H_raw = diag(multiplier) H_effective diag(multiplier)}.
 */
public final class Scaling {
    private final Layout layout;
    private final BlockScale[] scales;

    /**
     * @param layout the layout
     * @param scales one per block, in layout order
     * @throws IllegalArgumentException if a count or a per-input length does not fit
     */
    public Scaling(Layout layout, List<BlockScale> scales) {
        if (scales.size() != layout.count()) {
            throw new IllegalArgumentException("expected " + layout.count() + " block scales, got " + scales.size());
        }
        this.layout = layout;
        this.scales = scales.toArray(new BlockScale[0]);
        for (int i = 0; i < this.scales.length; i++) {
            BlockScale s = this.scales[i];
            BlockSpec b = layout.block(i);
            if (s.perInput() != null && (b.shape().rank() < 2 || s.perInput().length != b.shape().dim(1))) {
                throw new IllegalArgumentException("block " + b.name() + " of shape " + b.shape()
                        + " cannot take " + s.perInput().length + " per-input multipliers");
            }
        }
    }

    /**
     * @param layout the layout
     * @return multipliers that are all 1
     */
    public static Scaling identity(Layout layout) {
        return new Scaling(layout, java.util.Collections.nCopies(layout.count(), BlockScale.ONE));
    }

    /** @return the layout */
    public Layout layout() {
        return layout;
    }

    /**
     * @param i a block position
     * @return its multiplier
     */
    public BlockScale scale(int i) {
        return scales[i];
    }

    /**
     * @param raw raw values; not modified
     * @return the effective values (blocks with identity multipliers share raw's arrays)
     */
    public Params effective(Params raw) {
        double[][] b = new double[scales.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = scales[i].isIdentity() ? raw.block(i) : multiply(i, raw.block(i), new double[raw.block(i).length]);
        }
        return Params.wrap(layout, b);
    }

    /**
     * {@link #effective(Params)} without allocating: the same products, written into the blocks of
     * {@code workspace} (e.g. kept by a run from one step to the next).
     *
     * @param raw raw values; not modified
     * @param workspace params of the same layout; its blocks with a multiplier other than 1 are
     *     overwritten, the others are left alone
     * @return the effective values: workspace's arrays for scaled blocks, raw's for identity blocks
     *     (valid until workspace is written again)
     * @since 1.4
     */
    public Params effective(Params raw, Params workspace) {
        if (!workspace.layout().equals(layout) || !raw.layout().equals(layout)) {
            throw new IllegalArgumentException("scaling for " + layout + " cannot fill " + workspace.layout());
        }
        double[][] b = new double[scales.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = scales[i].isIdentity() ? raw.block(i) : multiply(i, raw.block(i), workspace.block(i));
        }
        return Params.wrap(layout, b);
    }

    /**
     * Multiplies every block in place by its multiplier.
     *
     * @param p the values
     * @return p
     */
    public Params multiplyInPlace(Params p) {
        for (int i = 0; i < scales.length; i++) {
            if (!scales[i].isIdentity()) {
                multiply(i, p.block(i), p.block(i));
            }
        }
        return p;
    }

    /**
     * @param model a model computing with effective values
     * @return the same network as a function of raw values
     */
    public Model wrap(Model model) {
        if (!model.layout().equals(layout)) {
            throw new IllegalArgumentException("scaling for " + layout + " cannot wrap a model of " + model.layout());
        }
        return new ScaledModel(model, this);
    }

    /**
     * @param model a model, perhaps made by {@link #wrap}
     * @return the model {@link #wrap} was given (e.g. the architecture's own network, to reach
     *     what only it offers), or {@code model} itself when it is not a wrapped one
     * @since 1.3
     */
    public static Model unwrap(Model model) {
        return model instanceof ScaledModel s ? s.inner() : model;
    }

    /**
     * @param model a model, perhaps made by {@link #wrap}
     * @return the scaling {@link #wrap} applied to it, or empty when it is not a wrapped model
     * @since 1.4
     */
    public static Optional<Scaling> of(Model model) {
        return model instanceof ScaledModel s ? Optional.of(s.scaling()) : Optional.empty();
    }

    private double[] multiply(int i, double[] src, double[] dst) {
        BlockScale s = scales[i];
        double c = s.scalar();
        double[] per = s.perInput();
        if (per == null) {
            for (int j = 0; j < src.length; j++) {
                dst[j] = c * src[j];
            }
            return dst;
        }
        Shape shape = layout.block(i).shape();
        int in = shape.dim(1);
        int inner = shape.size() / (shape.dim(0) * in);
        for (int j = 0; j < src.length; j++) {
            dst[j] = c * per[(j / inner) % in] * src[j];
        }
        return dst;
    }

    /** The multiplier of each input column of a dense block, or empty if it is a plain scalar. */
    Optional<double[]> columnMultipliers(int i) {
        BlockScale s = scales[i];
        if (s.perInput() == null) {
            return Optional.empty();
        }
        double[] c = new double[s.perInput().length];
        for (int j = 0; j < c.length; j++) {
            c[j] = s.scalar() * s.perInput()[j];
        }
        return Optional.of(c);
    }
}
