package org.overparam.plugin.landscape.internal;

import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;

/**
 * Filter-normalized random directions (Li, Xu, Taylor, Studer, Goldstein, "Visualizing the Loss
 * Landscape of Neural Nets", arXiv 1712.09913): a Gaussian direction {@code d} whose every filter is
 * rescaled to the norm of the same filter of the weights, {@code d_j <- d_j ||w_j|| / ||d_j||}, so a
 * slice {@code F(w + alpha d)} is comparable across layers and networks whatever their scale. A
 * filter is a row along axis 0 of a weight block of rank 2 or more: a unit's incoming weights
 * {@code [in]} of a dense {@code [out, in]} block, an output channel {@code [in, k...]} of a
 * convolution. A row of zero weights gets a zero direction.
 *
 * <p>Biases (role BIAS, and any block of rank below 2): with {@code normalizeBiases} false their
 * direction is zero, Li et al.'s default ({@code ignore='biasbn'} in their code); with it true the
 * whole vector is one filter, rescaled to the bias vector's norm. Frozen blocks get a zero direction.
 */
final class FilterNormalization {
    private FilterNormalization() {
    }

    /**
     * @param w the point; not modified
     * @param f the objective (which blocks are trained)
     * @param random the stream the Gaussian entries come from (advanced; every block draws, so a
     *     block's direction does not depend on which others are trained)
     * @param normalizeBiases whether biases get a normalized direction instead of zero
     * @return the direction
     */
    static Params direction(Params w, Objective f, RandomStream random, boolean normalizeBiases) {
        Params d = w.zerosLike();
        Layout layout = w.layout();
        for (int b = 0; b < layout.count(); b++) {
            double[] db = d.block(b);
            random.fillGaussian(db, 1.0);
            BlockSpec spec = layout.block(b);
            boolean bias = spec.role() == BlockRole.BIAS || spec.shape().rank() < 2;
            if (!f.trainable(b) || (bias && !normalizeBiases)) {
                java.util.Arrays.fill(db, 0.0);
            } else {
                normalizeRows(w.block(b), db, bias ? 1 : spec.shape().dim(0));
            }
        }
        return d;
    }

    /**
     * Rescales each row of {@code d} to the norm of the same row of {@code w}.
     *
     * @param w the weights, {@code rows x (length / rows)}; not modified
     * @param d the direction, same shape, rescaled in place
     * @param rows the number of rows
     */
    static void normalizeRows(double[] w, double[] d, int rows) {
        int len = w.length / rows;
        for (int r = 0; r < rows; r++) {
            double ww = 0;
            double dd = 0;
            for (int i = r * len; i < (r + 1) * len; i++) {
                ww += w[i] * w[i];
                dd += d[i] * d[i];
            }
            double s = dd > 0 ? Math.sqrt(ww / dd) : 0.0;
            for (int i = r * len; i < (r + 1) * len; i++) {
                d[i] *= s;
            }
        }
    }
}
