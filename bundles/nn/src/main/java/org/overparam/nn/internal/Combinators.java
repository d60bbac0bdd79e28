package org.overparam.nn.internal;

import java.util.List;
import org.overparam.nn.FanIn;
import org.overparam.nn.Layer;

/** The combinators and pooling layers as {@link Layer} values, for {@link org.overparam.nn.Layers}. */
public final class Combinators {
    private Combinators() {
    }

    /**
     * @param layers applied in turn
     * @return their serial composition
     */
    public static Layer serial(List<Layer> layers) {
        List<Layer> copy = List.copyOf(layers);
        return (shape, name) -> new Serial(name, shape, copy);
    }

    /**
     * @param fanIn how outputs join
     * @param branches the branches
     * @return fan-out, branches, fan-in
     */
    public static Layer parallel(FanIn fanIn, List<Layer> branches) {
        List<Layer> copy = List.copyOf(branches);
        return (shape, name) -> new Parallel(name, shape, fanIn, copy);
    }

    /**
     * @param layers the surrogate's layers
     * @return the gated surrogate of arXiv 2101.04243
     */
    public static Layer gated(List<Layer> layers) {
        List<Layer> copy = List.copyOf(layers);
        return (shape, name) -> new Gated(name, shape, copy);
    }

    /**
     * @param window the window per spatial axis, or null for global
     * @param stride the stride
     * @return average pooling
     */
    public static Layer avgPool(int[] window, int[] stride) {
        int[] w = window == null ? null : window.clone();
        int[] s = stride == null ? null : stride.clone();
        return (shape, name) -> new Pooling(name, shape, w, s);
    }

    /**
     * @param layer a bound layer
     * @return whether it is a sum of branches (a parallel block with {@code FanIn.SUM}, a residual block)
     */
    public static boolean isSum(org.overparam.nn.BoundLayer layer) {
        return layer instanceof Parallel p && p.sums();
    }
}
