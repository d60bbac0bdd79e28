package org.overparam.plugin.synthetic.internal;

import org.overparam.api.RandomStream;

/**
 * Where the inputs live: the unit sphere of R^d, or, with a fixed last coordinate {@code c}
 * (Allen-Zhu, Li, Song, arXiv 1811.03962, use {@code c = 1/sqrt(2)}), the points
 * {@code x = (r u, c)} with {@code u} uniform on the unit sphere of R^(d-1) and
 * {@code r = sqrt(1 - c^2)}. Either way {@code ||x|| = 1}.
 *
 * @param d the ambient dimension
 * @param lastCoordinate c, or NaN for the whole sphere
 */
record Sphere(int d, double lastCoordinate) {

    /** @return whether the last coordinate is fixed */
    boolean fixedLast() {
        return !Double.isNaN(lastCoordinate);
    }

    /** @return the dimension of the space the free part {@code u} is uniform in: d, or d - 1 */
    int freeDimension() {
        return fixedLast() ? d - 1 : d;
    }

    /** @return the radius of the free part: 1, or {@code sqrt(1 - c^2)} */
    double radius() {
        return fixedLast() ? Math.sqrt(1 - lastCoordinate * lastCoordinate) : 1.0;
    }

    /**
     * Draws one point: a standard Gaussian vector, normalized (redrawn in the probability-zero event
     * of a zero vector).
     *
     * @param random the stream
     * @param out receives the point at {@code out[offset .. offset + d)}
     * @param offset where to write
     */
    void draw(RandomStream random, double[] out, int offset) {
        int free = freeDimension();
        double s;
        do {
            s = 0;
            for (int j = 0; j < free; j++) {
                double g = random.nextGaussian();
                out[offset + j] = g;
                s += g * g;
            }
        } while (s == 0);
        double scale = radius() / Math.sqrt(s);
        for (int j = 0; j < free; j++) {
            out[offset + j] *= scale;
        }
        if (fixedLast()) {
            out[offset + d - 1] = lastCoordinate;
        }
    }
}
