package org.overparam.plugin.pruning.internal;

import java.util.Arrays;
import java.util.Comparator;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Scaling;

/**
 * The hidden nodes feeding a network's output layer, scored as in Caron et al. (arXiv 2302.01002):
 * node j's multiplier {@code lambda_j} is the square of the output block's per-input multiplier
 * ({@link BlockScale#perInput()}, which asymmetrical node scaling sets to {@code sqrt(lambda_j)}),
 * and its output weight {@code u_j^2} is the squared norm of column j of the output block (raw
 * values; one entry per output, so for one output it is {@code u_j^2}). The pruning score is
 * {@code lambda_j u_j^2}. A symmetric network has no per-input multipliers (every
 * {@code lambda_j} is taken as 1) or equal ones (Caron's {@code a = 1}, {@code lambda_j = 1/p}):
 * the order is then that of {@code u_j^2} alone and the ranking by lambda is only the node order.
 *
 * @param outputBlock the position of the output weight block ({@code [k, m]})
 * @param lambda {@code lambda_j}, m values
 * @param u2 {@code u_j^2}, m values
 * @param symmetric whether the output block has no per-input multipliers, or equal ones
 */
record NodeScores(int outputBlock, double[] lambda, double[] u2, boolean symmetric) {

    /**
     * @param params the point (raw values); not modified
     * @param scaling the run's multipliers
     * @return the scores
     * @throws InvalidInputException naming {@code pruning} when the layout has no output weight block
     */
    static NodeScores of(Params params, Scaling scaling) {
        int out = outputBlock(params.layout());
        int k = params.layout().block(out).shape().dim(0);
        int m = params.layout().block(out).shape().dim(1);
        double[] per = scaling.scale(out).perInput();
        double[] lambda = new double[m];
        double[] u2 = new double[m];
        double[] w = params.block(out);
        int inner = w.length / (k * m);
        for (int j = 0; j < m; j++) {
            lambda[j] = per == null ? 1.0 : per[j] * per[j];
            double s = 0;
            for (int o = 0; o < k; o++) {
                for (int t = 0; t < inner; t++) {
                    double v = w[(o * m + j) * inner + t];
                    s += v * v;
                }
            }
            u2[j] = s;
        }
        return new NodeScores(out, lambda, u2, per == null || equal(lambda));
    }

    private static boolean equal(double[] v) {
        for (double x : v) {
            if (Math.abs(x - v[0]) > 1e-12 * Math.abs(v[0])) {
                return false;
            }
        }
        return true;
    }

    /** @return the number of hidden nodes m */
    int nodes() {
        return lambda.length;
    }

    /** @return the nodes in increasing order of {@code lambda_j u_j^2} (ties by index): the pruning order */
    int[] pruningOrder() {
        return sorted(Comparator.comparingDouble(j -> lambda[j] * u2[j]));
    }

    /** @return the nodes in decreasing order of {@code lambda_j} (ties by index): the transfer ranking */
    int[] lambdaRanking() {
        return sorted(Comparator.comparingDouble(j -> -lambda[j]));
    }

    private int[] sorted(Comparator<Integer> by) {
        Integer[] idx = new Integer[nodes()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, by.thenComparingInt(j -> j));
        int[] r = new int[idx.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = idx[j];
        }
        return r;
    }

    /** @return the position of the last weight block (rank at least 2) with role OUTPUT */
    static int outputBlock(Layout layout) {
        for (int i = layout.count() - 1; i >= 0; i--) {
            if (layout.block(i).role() == BlockRole.OUTPUT && layout.block(i).shape().rank() >= 2) {
                return i;
            }
        }
        throw new InvalidInputException("pruning", "the model has no output weight block (role OUTPUT) whose input"
                + " nodes could be pruned; blocks: " + layout);
    }
}
