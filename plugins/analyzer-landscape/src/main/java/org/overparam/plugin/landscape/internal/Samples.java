package org.overparam.plugin.landscape.internal;

import java.util.Arrays;
import java.util.List;
import org.overparam.api.RandomStream;

/**
 * The training samples an analyzer evaluates on: all of them, or a seeded subset of a given size
 * that is the same at every analysis point of a run (drawn from the analyzer's stream derived as
 * {@code points}, which depends only on the run's seed and the analyzer's label).
 */
final class Samples {
    private Samples() {
    }

    /**
     * @param n the number of training samples
     * @param points the subset's size; 0 (or at least n) = all samples
     * @param random the analyzer's stream (its position is not used)
     * @return the sorted row indices, or {@code null} for all samples
     */
    static int[] rows(int n, int points, RandomStream random) {
        if (points == 0 || points >= n) {
            return null;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        random.derive("points").shuffle(all);
        int[] rows = Arrays.copyOf(all, points);
        Arrays.sort(rows);
        return rows;
    }

    /**
     * @param points the analyzer's {@code points}
     * @param n the training samples
     * @return a notice when {@code points} is above n (all samples are used), else nothing
     */
    static List<String> notice(int points, long n) {
        if (points > n) {
            return List.of("points " + points + " is more than the " + n + " training samples; the loss uses all " + n);
        }
        return List.of();
    }

    /**
     * @param points the {@code points} parameter (0 = all)
     * @param n the training samples
     * @return the samples the loss is evaluated on
     */
    static long count(int points, long n) {
        return points == 0 ? n : Math.min(points, n);
    }
}
