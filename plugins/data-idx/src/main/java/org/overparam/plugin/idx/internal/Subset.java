package org.overparam.plugin.idx.internal;

import java.util.Arrays;
import org.overparam.api.RandomStream;

/**
 * Chooses which items of a labelled file a run uses, deterministically from the run's stream.
 * Stratified: the classes share the n samples as evenly as possible (the first {@code n mod c}
 * classes, in the order given, get one more), each class's share drawn uniformly without
 * replacement; a class with fewer items than its share gives all it has and the rest is spread
 * over the others. Random: n items drawn uniformly without replacement from all items of the
 * kept classes. Either way the chosen items are then shuffled, so any prefix mixes the classes.
 */
final class Subset {
    private Subset() {
    }

    /**
     * @param byClass for each kept class, the file positions of its items, in file order; not modified
     * @param n how many to choose, at most the total
     * @param stratified whether to share n evenly among the classes
     * @param random the stream
     * @return {@code [positions, classes]}: the chosen file positions and each one's class index
     */
    static int[][] choose(int[][] byClass, int n, boolean stratified, RandomStream random) {
        int c = byClass.length;
        int[][] pools = new int[c][];
        for (int j = 0; j < c; j++) {
            pools[j] = byClass[j].clone();
        }
        int[] take = stratified ? shares(byClass, n) : null;
        int[] positions = new int[n];
        int[] classes = new int[n];
        int k = 0;
        if (stratified) {
            for (int j = 0; j < c; j++) {
                partialShuffle(pools[j], take[j], random);
                for (int i = 0; i < take[j]; i++) {
                    positions[k] = pools[j][i];
                    classes[k++] = j;
                }
            }
        } else {
            int total = 0;
            for (int[] p : pools) {
                total += p.length;
            }
            int[] all = new int[total];
            int[] cls = new int[total];
            int at = 0;
            for (int j = 0; j < c; j++) {
                System.arraycopy(pools[j], 0, all, at, pools[j].length);
                Arrays.fill(cls, at, at + pools[j].length, j);
                at += pools[j].length;
            }
            int[] order = identity(total);
            partialShuffle(order, n, random);
            for (int i = 0; i < n; i++) {
                positions[i] = all[order[i]];
                classes[i] = cls[order[i]];
            }
        }
        int[] mix = identity(n);
        random.shuffle(mix);
        int[][] out = {new int[n], new int[n]};
        for (int i = 0; i < n; i++) {
            out[0][i] = positions[mix[i]];
            out[1][i] = classes[mix[i]];
        }
        return out;
    }

    /** @return how many items each class gives: even shares, capped by what the class has */
    static int[] shares(int[][] byClass, int n) {
        int c = byClass.length;
        int[] take = new int[c];
        int left = n;
        boolean[] full = new boolean[c];
        while (left > 0) {
            int open = 0;
            for (int j = 0; j < c; j++) {
                if (!full[j]) {
                    open++;
                }
            }
            if (open == 0) {
                throw new IllegalArgumentException("only " + (n - left) + " items for " + n + " samples");
            }
            int base = left / open;
            int extra = left % open;
            for (int j = 0; j < c && left > 0; j++) {
                if (full[j]) {
                    continue;
                }
                int want = base + (extra-- > 0 ? 1 : 0);
                int got = Math.min(want, byClass[j].length - take[j]);
                take[j] += got;
                left -= got;
                full[j] = take[j] == byClass[j].length;
            }
        }
        return take;
    }

    /** Moves a uniform sample of {@code count} elements, in random order, to the front (Fisher-Yates). */
    private static void partialShuffle(int[] a, int count, RandomStream random) {
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
