package org.overparam.plugin.sgd.internal;

import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.StepContext;

/**
 * Chooses the training rows of a mini-batch step from the run's optimizer stream
 * ({@link StepContext#random()}, whose position the run checkpoints) and keeps its bookkeeping in the
 * run's {@link State}, so a step depends only on (state, stream position) and a restored run continues
 * bitwise.
 * <ul>
 * <li>With replacement: b rows drawn uniformly and independently ({@link RandomStream#nextInt}).</li>
 * <li>Without replacement (epochs): a permutation of the n rows ({@link RandomStream#shuffle} of
 * 0..n-1) is walked b rows at a time; when fewer than b rows remain (or no permutation of n rows is in
 * the state) a new epoch reshuffles, so every epoch uses {@code b * floor(n / b)} distinct rows and the
 * {@code n mod b} at the permutation's end are left out of that epoch. State: the array
 * {@code sgd.permutation} (n row indices), the scalars {@code sgd.cursor} (position in it) and
 * {@code sgd.epoch} (epochs started, from 1).</li>
 * <li>Without replacement and {@code b >= n}: the full batch ({@code null} rows), no draw: gradient
 * descent.</li>
 * </ul>
 */
final class Batches {
    /** The state array holding the epoch's permutation. */
    static final String PERMUTATION = "sgd.permutation";
    /** The state scalar holding the next position in the permutation. */
    static final String CURSOR = "sgd.cursor";
    /** The state scalar counting epochs started. */
    static final String EPOCH = "sgd.epoch";

    private Batches() {
    }

    /**
     * @param ctx the step (its state, stream and sample count)
     * @param batchSize b, at least 1
     * @param replacement whether rows are drawn with replacement
     * @return the rows of this step, or {@code null} for the full batch
     */
    static int[] next(StepContext ctx, int batchSize, boolean replacement) {
        int n = ctx.oracle().sampleCount();
        RandomStream random = ctx.random();
        if (replacement) {
            int[] rows = new int[batchSize];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextInt(n);
            }
            return rows;
        }
        if (batchSize >= n) {
            return null;
        }
        State s = ctx.state();
        double[] perm = s.allArrays().get(PERMUTATION);
        int cursor = (int) s.scalar(CURSOR, 0);
        if (perm == null || perm.length != n || cursor + batchSize > n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            random.shuffle(order);
            perm = s.array(PERMUTATION, n);
            for (int i = 0; i < n; i++) {
                perm[i] = order[i];
            }
            cursor = 0;
            s.setScalar(EPOCH, s.scalar(EPOCH, 0) + 1);
        }
        int[] rows = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            rows[i] = (int) perm[cursor + i];
        }
        s.setScalar(CURSOR, cursor + batchSize);
        return rows;
    }
}
