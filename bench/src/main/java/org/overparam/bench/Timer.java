package org.overparam.bench;

import java.util.Arrays;

/** Wall-clock timing: warm-up runs, then the median of timed repetitions. */
final class Timer {
    private Timer() {
    }

    /**
     * @param warmup untimed runs first
     * @param reps timed runs
     * @param body the work
     * @return the timed runs' seconds, sorted ascending (median at {@code reps / 2})
     */
    static double[] time(int warmup, int reps, Runnable body) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        double[] s = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            body.run();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(s);
        return s;
    }

    /**
     * @param sorted ascending times
     * @return their median
     */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
