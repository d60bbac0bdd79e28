package org.overparam.nn.internal;

import org.overparam.nn.BoundLayer;
import org.overparam.nn.Pass;

/**
 * A layer whose forward pass can write into the arrays of an earlier pass of its own that the
 * caller no longer needs (a run's workspace from one step to the next, see
 * {@code Model.forward(params, batch, reuse)}): the same values as {@link BoundLayer#forward}, no
 * allocation where sizes fit. A backward pass on the new pass may write its input signals into the
 * arrays the earlier pass's backward wrote. Layers that do not implement it allocate as usual.
 */
public interface Reusing {
    /**
     * @param w the blocks' values; not modified
     * @param n the number of samples
     * @param x {@code n x inputShape} inputs; not modified, and none of {@code reuse}'s arrays
     * @param reuse an earlier pass of this layer (invalid afterwards), or one of another kind or
     *     {@code null}, then ignored
     * @return the outputs and what the backward passes need
     */
    Pass forward(double[][] w, int n, double[] x, Pass reuse);

    /**
     * @param layer any bound layer
     * @param w its blocks' values
     * @param n the number of samples
     * @param x its inputs
     * @param reuse an earlier pass of it, or {@code null}
     * @return its forward pass, into reuse's arrays when the layer can
     */
    static Pass forward(BoundLayer layer, double[][] w, int n, double[] x, Pass reuse) {
        return layer instanceof Reusing r && reuse != null ? r.forward(w, n, x, reuse) : layer.forward(w, n, x);
    }

    /**
     * @param reuse an array that may be overwritten, or {@code null}
     * @param length the length needed
     * @return {@code reuse} when it has that length, else a new array
     */
    static double[] array(double[] reuse, int length) {
        return reuse != null && reuse.length == length ? reuse : new double[length];
    }
}
