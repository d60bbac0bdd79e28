package org.overparam.plugin.synthetic.internal;

import java.util.Locale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;
import org.overparam.linalg.Linalg;

/**
 * Draws n points on a {@link Sphere} with pairwise distances at least {@code delta}, by sequential
 * rejection: a candidate closer than {@code delta} to an accepted point is redrawn. Each candidate
 * is checked against all accepted points with one {@link Linalg#gemv} ({@code ||x - a||^2 =
 * ||x||^2 + ||a||^2 - 2 x.a}), so a successful run costs O(n^2 d) times the mean number of draws.
 * A point rejected {@link #TRIES} times in a row ends the attempt with an error naming the largest
 * delta that is easy for n points ({@link Feasibility}).
 *
 * <p>Accepted distances carry a margin of {@code 16 d eps} on the squared distance, larger than the
 * rounding of any dot product of unit vectors in R^d, so a distance measured again later (by
 * {@link MinDistance}, in another summation order) is still at least {@code delta}.
 */
final class Rejection {
    /** Consecutive rejections of one point after which delta is declared too large. */
    static final int TRIES = 1000;

    private Rejection() {
    }

    /**
     * @param n the number of points
     * @param sphere where they live
     * @param delta the minimum distance, at least 0 (0: plain uniform draws)
     * @param random the stream
     * @return {@code n x d} points, row-major
     * @throws InvalidInputException naming {@code delta} if it could not be reached
     */
    static double[] draw(int n, Sphere sphere, double delta, RandomStream random) {
        int d = sphere.d();
        double[] x = new double[n * d];
        if (delta <= 0) {
            for (int i = 0; i < n; i++) {
                sphere.draw(random, x, i * d);
            }
            return x;
        }
        if (n > 1 && delta > 2 * sphere.radius()) {
            throw tooLarge(n, sphere, delta, "no two points of the sphere are that far apart");
        }
        double need = delta * delta + 16 * d * Math.ulp(1.0);
        double[] sq = new double[n];
        double[] dots = new double[n];
        double[] candidate = new double[d];
        for (int i = 0; i < n; i++) {
            int tries = 0;
            while (true) {
                sphere.draw(random, candidate, 0);
                double cc = Linalg.dot(candidate, candidate);
                if (i == 0 || closest(x, i, d, candidate, cc, sq, dots) >= need) {
                    System.arraycopy(candidate, 0, x, i * d, d);
                    sq[i] = cc;
                    break;
                }
                if (++tries == TRIES) {
                    throw tooLarge(n, sphere, delta, "point " + (i + 1) + " was rejected " + TRIES + " times in a row");
                }
            }
        }
        return x;
    }

    /** @return the smallest squared distance from the candidate to the first {@code count} rows */
    private static double closest(double[] x, int count, int d, double[] c, double cc, double[] sq, double[] dots) {
        Linalg.gemv(false, count, d, 1.0, x, c, 0.0, dots);
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            min = Math.min(min, cc + sq[j] - 2 * dots[j]);
        }
        return min;
    }

    private static InvalidInputException tooLarge(int n, Sphere sphere, double delta, String why) {
        return new InvalidInputException("delta", String.format(Locale.ROOT,
                "delta %s is too large for n = %d points in d = %d%s: %s; delta <= %.4g is feasible"
                        + " (each draw is then accepted with probability >= 1/2)",
                delta, n, sphere.d(), sphere.fixedLast() ? " with a fixed last coordinate" : "", why,
                Feasibility.easyDelta(n, sphere)));
    }
}
