package org.overparam.plugin.dynamics.internal;

import java.util.Arrays;
import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.MetricSink;
import org.overparam.api.Snapshot;
import org.overparam.api.State;

/**
 * The fraction of ReLU activation patterns flipped since initialization, the quantity arXiv
 * 1811.03962 (check B3) shows falls as the width grows. A unit is "on" for a sample when its
 * pre-activation is positive ({@link Activation}); for each hidden layer {@code l} with {@code m_l}
 * units, on {@code s} training samples,
 * {@code flip.l = #{(i, u) : on_t(i, u) != on_0(i, u)} / (s m_l)}, and {@code flip} is the same
 * count over all layers divided by {@code s sum_l m_l}. Layers are named by the model
 * ({@code h1 .. hL} for fc).
 *
 * <p>The samples are the whole training set, or a seeded subset of {@code maxPoints} rows (drawn
 * once from the analyzer's stream derived as {@code flip.rows}, sorted). The initial patterns are
 * computed once from {@link Snapshot#initial()} and kept in the analyzer's state as packed bits,
 * 32 per double (each entry an integer in {@code [0, 2^32)}, exact in any checkpoint format):
 * arrays {@code flip.rows} (the sample indices) and {@code flip.<layer>} (bit {@code u % 32} of
 * entry {@code u / 32} of a row-major {@code s x m_l} pattern). A model without hidden
 * pre-activations records nothing.
 *
 * <p>Cost per call: one forward pass on the samples (two on the first call), O(s sum_l m_l) bits.
 */
final class PatternFlips {
    private static final String ROWS = "flip.rows";

    private PatternFlips() {
    }

    /**
     * @param snapshot the run
     * @param maxPoints the most samples to use; 0 = all training samples
     * @param out the sink
     */
    static void record(Snapshot snapshot, int maxPoints, MetricSink out) {
        Batch train = snapshot.data().train();
        State state = snapshot.state();
        int[] rows = keptRows(state, train.n(), maxPoints);
        boolean fresh = rows == null;
        if (fresh) {
            rows = drawRows(state, train.n(), maxPoints, snapshot);
        }
        Batch batch = train.select(rows);
        List<Activation> now = snapshot.model().forward(snapshot.params(), batch).activations();
        if (now.isEmpty()) {
            return;
        }
        List<Activation> initial = null;
        long flipped = 0;
        long total = 0;
        for (int l = 0; l < now.size(); l++) {
            Activation a = now.get(l);
            int bits = a.preActivations().length;
            String key = "flip." + a.layer();
            double[] kept = state.allArrays().get(key);
            if (fresh || kept == null || kept.length != words(bits)) {
                if (initial == null) {
                    initial = snapshot.model().forward(snapshot.initial(), batch).activations();
                }
                kept = state.array(key, words(bits));
                pack(initial.get(l).preActivations(), kept);
            }
            long f = count(kept, a.preActivations());
            out.scalar(key, (double) f / bits);
            flipped += f;
            total += bits;
        }
        out.scalar("flip", (double) flipped / total);
    }

    /** @return the sample rows kept in state, or null if none are kept for this many samples */
    private static int[] keptRows(State state, int n, int maxPoints) {
        int k = maxPoints == 0 ? n : Math.min(maxPoints, n);
        double[] kept = state.allArrays().get(ROWS);
        if (kept == null || kept.length != k) {
            return null;
        }
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = (int) kept[i];
        }
        return rows;
    }

    /** Draws the sample rows and keeps them in state. */
    private static int[] drawRows(State state, int n, int maxPoints, Snapshot snapshot) {
        int k = maxPoints == 0 ? n : Math.min(maxPoints, n);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (k < n) {
            snapshot.random().derive(ROWS).shuffle(all);
        }
        int[] rows = Arrays.copyOf(all, k);
        Arrays.sort(rows);
        double[] kept = state.array(ROWS, k);
        for (int i = 0; i < k; i++) {
            kept[i] = rows[i];
        }
        return rows;
    }

    /**
     * @param bits pattern entries
     * @return the doubles holding them at 32 per double
     */
    static int words(int bits) {
        return (bits + 31) / 32;
    }

    /**
     * @param pre pre-activations; not modified
     * @param packed receives the on-bits ({@code pre > 0}), 32 per entry, as exact integers
     */
    static void pack(double[] pre, double[] packed) {
        Arrays.fill(packed, 0.0);
        for (int w = 0; w < packed.length; w++) {
            long word = 0;
            int end = Math.min(pre.length, (w + 1) * 32);
            for (int u = w * 32; u < end; u++) {
                if (pre[u] > 0) {
                    word |= 1L << (u - w * 32);
                }
            }
            packed[w] = word;
        }
    }

    /**
     * @param packed initial on-bits from {@link #pack}
     * @param pre current pre-activations
     * @return how many units differ from their initial on/off state
     */
    static long count(double[] packed, double[] pre) {
        long flips = 0;
        for (int w = 0; w < packed.length; w++) {
            long word = (long) packed[w];
            long now = 0;
            int end = Math.min(pre.length, (w + 1) * 32);
            for (int u = w * 32; u < end; u++) {
                if (pre[u] > 0) {
                    now |= 1L << (u - w * 32);
                }
            }
            flips += Long.bitCount(word ^ now);
        }
        return flips;
    }
}
