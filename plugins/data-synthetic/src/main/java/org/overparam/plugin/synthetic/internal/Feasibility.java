package org.overparam.plugin.synthetic.internal;

/**
 * How large a minimum distance rejection sampling reaches easily. For two independent uniform
 * points on the unit sphere of R^D, the angle {@code theta} between them has density proportional
 * to {@code sin(theta)^(D-2)} on {@code [0, pi]}, and {@code ||u - v|| = 2 sin(theta / 2)}, so
 * {@code P(||u - v|| < t) = int_0^{2 asin(t/2)} sin^(D-2) / int_0^pi sin^(D-2)}.
 *
 * <p>A fresh uniform point is closer than {@code t} to one of {@code i} given points with
 * probability at most {@code i P(t)} (a union bound, whatever the points). So if
 * {@code (n - 1) P(t) <= 1/2}, every draw of the rejection sampler is accepted with probability at
 * least 1/2: such a {@code t} is feasible for n points and the sampler needs about two draws per
 * point. {@link #easyDelta} returns the largest such {@code t}, in the sphere's own distances.
 */
final class Feasibility {
    private static final int INTERVALS = 4096;

    private Feasibility() {
    }

    /**
     * @param n the number of points
     * @param sphere where they live (for a fixed last coordinate, distances shrink by its radius)
     * @return the largest delta with {@code (n - 1) P(distance < delta) <= 1/2}
     */
    static double easyDelta(int n, Sphere sphere) {
        if (n < 2) {
            return 2 * sphere.radius();
        }
        int dim = sphere.freeDimension();
        double lo = 0;
        double hi = 2;
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            if ((n - 1) * closerThan(mid, dim) <= 0.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * sphere.radius();
    }

    /**
     * @param t a distance in [0, 2]
     * @param dim D, at least 2
     * @return {@code P(||u - v|| < t)} for independent uniform u, v on the unit sphere of R^D
     */
    static double closerThan(double t, int dim) {
        if (t >= 2) {
            return 1.0;
        }
        double theta = 2 * Math.asin(t / 2);
        return integral(theta, dim) / integral(Math.PI, dim);
    }

    /** Simpson's rule for {@code int_0^b sin(x)^(dim-2) dx}. */
    private static double integral(double b, int dim) {
        double h = b / INTERVALS;
        double s = power(0, dim) + power(b, dim);
        for (int i = 1; i < INTERVALS; i++) {
            s += (i % 2 == 1 ? 4 : 2) * power(i * h, dim);
        }
        return s * h / 3;
    }

    private static double power(double x, int dim) {
        if (dim == 2) {
            return 1.0;
        }
        double s = Math.sin(x);
        return s <= 0 ? 0.0 : Math.exp((dim - 2) * Math.log(s));
    }
}
