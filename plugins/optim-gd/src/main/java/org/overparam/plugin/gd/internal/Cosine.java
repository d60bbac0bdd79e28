package org.overparam.plugin.gd.internal;

/**
 * The cosine curve shared by {@link CosineSchedule} and {@link WarmupSchedule}: from 1 at
 * {@code t = 0} down to {@code floor} at {@code t = length},
 * {@code floor + (1 - floor) (1 + cos(pi t / length)) / 2}, and {@code floor} after that
 * (Loshchilov and Hutter, arXiv 1608.03983, without restarts).
 */
final class Cosine {
    private Cosine() {
    }

    /**
     * @param t the step within the curve, from 0
     * @param length the steps from 1 to the floor (at least 1)
     * @param floor the final factor
     * @return the factor at t
     */
    static double factor(long t, long length, double floor) {
        if (t >= length) {
            return floor;
        }
        return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * t / length));
    }
}
