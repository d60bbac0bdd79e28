package org.overparam.plugin.dynamics.internal;

import java.util.Arrays;
import java.util.Comparator;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.MetricSink;
import org.overparam.api.Params;
import org.overparam.api.Scaling;

/**
 * Per-node weight movement from initialization, what arXiv 2302.01002 (Caron et al.) plots to show
 * that feature learning concentrates on the nodes with a large scale {@code lambda_j}. For a weight
 * block of role INPUT or HIDDEN with shape {@code [m, ...]} (a dense {@code [m, in]} weight or a
 * convolution {@code [m, in, k...]}), node {@code j} is row {@code j} (axis 0: the unit or filter)
 * and its movement is {@code ||w_j - w_j^0||^2}, the squared Euclidean norm over the row, in raw
 * coordinates. Recorded per such block {@code B}:
 * <ul>
 *   <li>series {@code node_movement.B}: x = node index {@code 0..m-1}, y = its movement;</li>
 *   <li>scalars {@code node_movement_mean.B}, {@code node_movement_max.B} and
 *       {@code node_movement_top10.B}, the share of the block's total movement carried by the
 *       {@code ceil(m / 10)} nodes that moved most (NaN while nothing moved);</li>
 *   <li>series {@code node_movement_vs_lambda.B} when the next weight block reading these nodes
 *       (the first later block of rank 2 or more whose axis 1 has {@code m} entries) carries
 *       per-input multipliers: x = {@code (scalar * perInput[j])^2}, the squared forward multiplier
 *       of node {@code j}'s outgoing weights, which is {@code lambda_j} under asymmetrical node
 *       scaling; y = the node's movement; points sorted by x (ties by node index);</li>
 *   <li>with those multipliers, scalars {@code node_movement_top10_lambda.B}, the share of the
 *       block's total movement carried by the {@code ceil(m / 10)} nodes of largest
 *       {@code lambda_j} (ties: the lower node index first; NaN while nothing moved), beside
 *       {@code node_movement_top10.B}, which ranks by movement and so bounds it from above; and
 *       {@code node_movement_spearman_lambda.B}, Spearman's rank correlation between
 *       {@code lambda_j} and the node's movement ({@link Spearman}; NaN when all lambda are equal,
 *       as for {@code a = 1}, or nothing moved).</li>
 * </ul>
 * Cost: O(P) reads, O(m log m) for the sort.
 */
final class NodeMovement {
    private NodeMovement() {
    }

    /**
     * @param current the current point; not modified
     * @param initial the initial point; not modified
     * @param scaling the run's multipliers, for {@code lambda_j}
     * @param out the sink
     */
    static void record(Params current, Params initial, Scaling scaling, MetricSink out) {
        Layout layout = current.layout();
        for (int b = 0; b < layout.count(); b++) {
            BlockSpec spec = layout.block(b);
            if ((spec.role() != BlockRole.INPUT && spec.role() != BlockRole.HIDDEN) || spec.shape().rank() < 2) {
                continue;
            }
            double[] moved = rows(current.block(b), initial.block(b), spec.shape().dim(0));
            String name = spec.name();
            double[] index = new double[moved.length];
            for (int j = 0; j < index.length; j++) {
                index[j] = j;
            }
            out.series("node_movement." + name, index, moved);
            double sum = 0;
            double max = 0;
            for (double v : moved) {
                sum += v;
                max = Math.max(max, v);
            }
            out.scalar("node_movement_mean." + name, sum / moved.length);
            out.scalar("node_movement_max." + name, max);
            out.scalar("node_movement_top10." + name, topShare(moved, sum));
            double[] lambda = lambdas(layout, scaling, b, moved.length);
            if (lambda != null) {
                vsLambda(name, lambda, moved, out);
                out.scalar("node_movement_top10_lambda." + name, topShareByLambda(lambda, moved, sum));
                out.scalar("node_movement_spearman_lambda." + name, Spearman.rho(lambda, moved));
            }
        }
    }

    /**
     * @param w current values of an {@code [m, ...]} block; not modified
     * @param w0 initial values; not modified
     * @param m the number of rows
     * @return {@code ||w_j - w0_j||^2} for each row j
     */
    static double[] rows(double[] w, double[] w0, int m) {
        int len = w.length / m;
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = j * len; i < (j + 1) * len; i++) {
                double d = w[i] - w0[i];
                s += d * d;
            }
            out[j] = s;
        }
        return out;
    }

    /**
     * @param moved per-node movements; not modified
     * @param sum their sum
     * @return the share of {@code sum} carried by the {@code ceil(m / 10)} largest, NaN if sum is 0
     */
    static double topShare(double[] moved, double sum) {
        if (!(sum > 0)) {
            return Double.NaN;
        }
        double[] sorted = moved.clone();
        Arrays.sort(sorted);
        int k = (moved.length + 9) / 10;
        double top = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            top += sorted[i];
        }
        return top / sum;
    }

    /**
     * @param lambda per-node weights; not modified
     * @param moved per-node movements; not modified
     * @param sum the movements' sum
     * @return the share of {@code sum} carried by the {@code ceil(m / 10)} nodes of largest lambda
     *     (ties: lower index first), NaN if sum is 0
     */
    static double topShareByLambda(double[] lambda, double[] moved, double sum) {
        if (!(sum > 0)) {
            return Double.NaN;
        }
        Integer[] order = new Integer[lambda.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -lambda[j]).thenComparingInt(j -> j));
        int k = (moved.length + 9) / 10;
        double top = 0;
        for (int i = 0; i < k; i++) {
            top += moved[order[i]];
        }
        return top / sum;
    }

    /** The squared multipliers of the nodes of block b in the next weight block, or null if it has none. */
    private static double[] lambdas(Layout layout, Scaling scaling, int b, int m) {
        for (int n = b + 1; n < layout.count(); n++) {
            BlockSpec next = layout.block(n);
            if (next.role() == BlockRole.BIAS || next.shape().rank() < 2 || next.shape().dim(1) != m) {
                continue;
            }
            BlockScale s = scaling.scale(n);
            if (s.perInput() == null) {
                return null;
            }
            double[] lambda = new double[m];
            for (int j = 0; j < m; j++) {
                double c = s.scalar() * s.perInput()[j];
                lambda[j] = c * c;
            }
            return lambda;
        }
        return null;
    }

    private static void vsLambda(String name, double[] lambda, double[] moved, MetricSink out) {
        Integer[] order = new Integer[lambda.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> lambda[j]).thenComparingInt(j -> j));
        double[] x = new double[order.length];
        double[] y = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = lambda[order[i]];
            y[i] = moved[order[i]];
        }
        out.series("node_movement_vs_lambda." + name, x, y);
    }
}
