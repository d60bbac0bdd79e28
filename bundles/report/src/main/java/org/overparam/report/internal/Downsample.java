package org.overparam.report.internal;

import java.util.Arrays;

/**
 * Thins long curves for plotting: at most {@code max} points, the first and last always kept.
 * Over steps the points are log-spaced in {@code step + 1} (dense early, where the loss changes
 * fastest, sparse late, where a log-scale axis compresses them); over other abscissae they are
 * evenly spaced in index. XChart writes SVG text as glyph outlines and every line segment as an
 * element: an empty chart is ~0.4 MB and 2000 points add ~0.7 MB, so SVG plots are drawn from at most {@link #SVG} points per line; PNG plots from at most
 * {@link #PNG}. Thinning shows the trend of a noisy curve (SGD), not every spike.
 */
final class Downsample {
    /** Points per line in SVG plots: each segment is an SVG element of ~350 bytes. */
    static final int SVG = 500;
    /** Points per line in PNG plots (a 900-pixel-wide plot shows no more). */
    static final int PNG = 4000;

    private Downsample() {
    }

    /**
     * @param steps non-decreasing, non-negative abscissae
     * @param max the most indices to return, at least 2
     * @return increasing indices into {@code steps}: all of them if there are at most {@code max},
     *     else the first, the last and those nearest to log-spaced targets in {@code step + 1}
     */
    static int[] logSpaced(double[] steps, int max) {
        int n = steps.length;
        if (n <= max) {
            return identity(n);
        }
        double lo = Math.log1p(Math.max(0, steps[0]));
        double hi = Math.log1p(Math.max(0, steps[n - 1]));
        int[] out = new int[max];
        int k = 0;
        int i = 0;
        for (int t = 0; t < max; t++) {
            double target = Math.expm1(lo + (hi - lo) * t / (max - 1));
            while (i < n - 1 && steps[i] < target) {
                i++;
            }
            if (k == 0 || i > out[k - 1]) {
                out[k++] = i;
            }
        }
        if (out[k - 1] != n - 1) {
            out[k++] = n - 1;
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * Thinning for curves over steps: {@link #logSpaced} within the budget; and a curve recorded at
     * every step (more than 50 consecutive steps) is always thinned to half its points, log-spaced.
     * The second rule is for XChart 3.8.8, which places the ticks of an axis whose values are
     * equally spaced on multiples of their spacing (steps 0, 36, 72, ... for a spacing of 1);
     * thinned values are not equally spaced and get round ticks (0, 250, 500, ...). The start of
     * the curve keeps every step.
     *
     * @param steps non-decreasing, non-negative steps
     * @param max the most indices to return, at least 2
     * @return increasing indices into {@code steps}
     */
    static int[] overSteps(double[] steps, int max) {
        int n = steps.length;
        if (n > max) {
            return logSpaced(steps, max);
        }
        boolean everyStep = n > 50;
        for (int i = 1; i < n && everyStep; i++) {
            everyStep = steps[i] - steps[i - 1] == 1;
        }
        return everyStep ? logSpaced(steps, n / 2) : logSpaced(steps, max);
    }

    /**
     * @param n a length
     * @param max the most indices to return, at least 2
     * @return {@code min(n, max)} increasing, evenly spaced indices from 0 to {@code n - 1}
     */
    static int[] even(int n, int max) {
        if (n <= max) {
            return identity(n);
        }
        int[] out = new int[max];
        for (int t = 0; t < max; t++) {
            out[t] = (int) Math.round((double) t * (n - 1) / (max - 1));
        }
        return out;
    }

    /**
     * @param v values
     * @param idx indices
     * @return {@code v[idx[0]], v[idx[1]], ...}
     */
    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
