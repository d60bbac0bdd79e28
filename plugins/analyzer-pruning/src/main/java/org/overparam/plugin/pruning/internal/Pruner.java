package org.overparam.plugin.pruning.internal;

import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;

/**
 * Removes hidden nodes from a copy of the parameters: node j's output column (column j of every
 * output row of the {@code [k, m]} output block) is set to zero, so the node no longer reaches the
 * output. Optionally its incoming row too (row j of the weight block producing the last hidden
 * layer, and entry j of the bias right after it): this does not change the output, it only makes
 * the pruned parameters look like a smaller network.
 */
final class Pruner {
    private final int outputBlock;
    private final int incomingBlock;
    private final int incomingBias;

    /**
     * @param layout the model's blocks
     * @param outputBlock the output block's position
     * @param zeroIncoming whether to zero incoming rows too
     * @throws InvalidInputException naming {@code zeroIncoming} when no block produces the last
     *     hidden layer
     */
    Pruner(Layout layout, int outputBlock, boolean zeroIncoming) {
        this.outputBlock = outputBlock;
        int m = layout.block(outputBlock).shape().dim(1);
        int in = -1;
        int bias = -1;
        if (zeroIncoming) {
            for (int i = 0; i < outputBlock; i++) {
                BlockSpec b = layout.block(i);
                if ((b.role() == BlockRole.INPUT || b.role() == BlockRole.HIDDEN) && b.shape().rank() >= 2
                        && b.shape().dim(0) == m) {
                    in = i;
                    BlockSpec next = i + 1 < layout.count() ? layout.block(i + 1) : null;
                    bias = next != null && next.role() == BlockRole.BIAS && next.size() == m ? i + 1 : -1;
                }
            }
            if (in < 0) {
                throw new InvalidInputException("zeroIncoming", "no weight block with " + m
                        + " output rows precedes the output block in " + layout);
            }
        }
        this.incomingBlock = in;
        this.incomingBias = bias;
    }

    /**
     * @param params the point; not modified
     * @param order the nodes in pruning order
     * @param count how many of them to remove
     * @return a pruned copy
     */
    Params prune(Params params, int[] order, int count) {
        Params p = params.copy();
        double[] w = p.block(outputBlock);
        int[] dims = p.layout().block(outputBlock).shape().dims();
        int k = dims[0];
        int m = dims[1];
        int inner = w.length / (k * m);
        for (int r = 0; r < count; r++) {
            int j = order[r];
            for (int o = 0; o < k; o++) {
                java.util.Arrays.fill(w, (o * m + j) * inner, (o * m + j + 1) * inner, 0.0);
            }
            if (incomingBlock >= 0) {
                double[] v = p.block(incomingBlock);
                int row = v.length / m;
                java.util.Arrays.fill(v, j * row, (j + 1) * row, 0.0);
                if (incomingBias >= 0) {
                    p.block(incomingBias)[j] = 0.0;
                }
            }
        }
        return p;
    }
}
