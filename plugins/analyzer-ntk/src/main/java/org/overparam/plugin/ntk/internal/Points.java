package org.overparam.plugin.ntk.internal;

import java.util.Arrays;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;
import org.overparam.api.State;

/**
 * The training samples an NTK is computed on: the first p, or a seeded random subset of p (sorted
 * ascending), chosen at the first analysis and kept in the analyzer's state under
 * {@code indices}, so every later analysis (and a resumed run) uses the same points.
 */
final class Points {
    /** The state entry holding the indices (as doubles). */
    static final String KEY = "indices";

    private Points() {
    }

    /**
     * @param state the analyzer's state
     * @param n the number of training samples
     * @param points how many are wanted (at most n are used)
     * @param sample {@code first} or {@code random}
     * @param random the analyzer's stream; a subset draws from {@code random.derive("points")}
     * @return the indices, ascending
     * @throws InvalidInputException naming {@code sample} for an unknown choice
     */
    static int[] of(State state, int n, int points, String sample, RandomStream random) {
        if (state.hasArray(KEY)) {
            double[] kept = state.allArrays().get(KEY);
            int[] idx = new int[kept.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = (int) kept[i];
            }
            if (idx.length > 0 && idx[idx.length - 1] < n) {
                return idx;
            }
        }
        int p = Math.min(points, n);
        int[] idx = switch (sample) {
            case "first" -> first(p);
            case "random" -> random(n, p, random.derive("points"));
            default -> throw new InvalidInputException("sample", "unknown sample '" + sample + "'; choose first or random");
        };
        double[] keep = state.array(KEY, p);
        for (int i = 0; i < p; i++) {
            keep[i] = idx[i];
        }
        return idx;
    }

    private static int[] first(int p) {
        int[] idx = new int[p];
        for (int i = 0; i < p; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static int[] random(int n, int p, RandomStream r) {
        int[] all = first(n);
        for (int i = 0; i < p; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] idx = Arrays.copyOf(all, p);
        Arrays.sort(idx);
        return idx;
    }
}
