package org.overparam.plugin.ntk.internal;

import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Layout;

/**
 * The sizes the theory's bounds are stated in: n training samples of dimension d, depth L (hidden
 * layers), width m (units per hidden layer), and delta, the training inputs' minimum pairwise
 * distance (arXiv 1811.03962's separation).
 *
 * @param n training samples
 * @param d input dimension
 * @param depth L
 * @param width m
 * @param delta the minimum pairwise distance (NaN for a single sample)
 */
record NetShape(int n, int d, int depth, int width, double delta) {

    /**
     * Reads the sizes: L and m from the analyzer's parameters when set (above 0), else the
     * architecture's {@code depth} and {@code width} parameters, else the layout (L = the weight
     * blocks of role INPUT or HIDDEN, m = their largest output size); delta from the data's
     * {@code delta} fact, else measured here in O(n^2 d).
     *
     * @param data the run's data
     * @param layout the model's blocks
     * @param architecture the architecture's parameters
     * @param depth the analyzer's override, 0 for none
     * @param width the analyzer's override, 0 for none
     * @return the shape
     */
    static NetShape of(Data data, Layout layout, Config architecture, int depth, int width) {
        int layers = 0;
        int m = 0;
        for (BlockSpec b : layout.blocks()) {
            if ((b.role() == BlockRole.INPUT || b.role() == BlockRole.HIDDEN) && b.shape().rank() >= 2) {
                layers++;
                m = Math.max(m, b.shape().dim(0));
            }
        }
        int l = depth > 0 ? depth : number(architecture.get("depth"), layers);
        int w = width > 0 ? width : number(architecture.get("width"), m);
        Double delta = data.facts().get("delta");
        int n = data.train().n();
        int d = data.train().inputSize();
        return new NetShape(n, d, l, w, delta != null ? delta : minDistance(data.train().inputs(), n, d));
    }

    private static int number(Object v, int fallback) {
        return v instanceof Number num && num.doubleValue() >= 1 ? num.intValue() : fallback;
    }

    /** @return the smallest Euclidean distance between two of the n rows of x, NaN if n < 2 */
    static double minDistance(double[] x, int n, int d) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double e = x[i * d + t] - x[j * d + t];
                    s += e * e;
                }
                best = Math.min(best, s);
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(best);
    }
}
