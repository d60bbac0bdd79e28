package org.overparam.plugin.synthetic.internal;

import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;
import org.overparam.linalg.Linalg;

/**
 * The regression targets of {@code sphere}, computed for the training and test inputs together so
 * both come from the same function. Each target's random function is drawn from its own stream.
 */
enum Target {
    /**
     * A random one-hidden-layer ReLU network of width h in the NTK scaling,
     * {@code y = A ReLU(sqrt(2/d) W x) / sqrt(h)} with W ({@code h x d}) and A ({@code k x h})
     * standard normal; each output is then standardized (zero mean, unit variance over the training
     * points; the same affine map is applied to the test points).
     */
    TEACHER("teacher", 0.0) {
        @Override
        double[] compute(double[] x, int n, int nTrain, int d, int k, int width, RandomStream random) {
            double[] w = new double[width * d];
            double[] a = new double[k * width];
            RandomStream r = random.derive("teacher");
            r.fillGaussian(w, 1.0);
            r.fillGaussian(a, 1.0);
            double[] h = new double[n * width];
            Linalg.gemm(false, true, n, width, d, Math.sqrt(2.0 / d), x, 0, d, w, 0, d, 0.0, h, 0, width);
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(h[i], 0.0);
            }
            double[] y = new double[n * k];
            Linalg.gemm(false, true, n, k, width, 1.0 / Math.sqrt(width), h, 0, width, a, 0, width, 0.0, y, 0, k);
            standardize(y, n, nTrain, k);
            return y;
        }
    },
    /** Caron et al.'s function (arXiv 2302.01002): {@code y = (1/d) sum_j 5 sin(pi x_j)}, one output. */
    SINE("sine", 0.1) {
        @Override
        double[] compute(double[] x, int n, int nTrain, int d, int k, int width, RandomStream random) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += 5 * Math.sin(Math.PI * x[i * d + j]);
                }
                y[i] = s / d;
            }
            return y;
        }
    },
    /** {@code y = u . x} for a random unit vector u, one output. */
    LINEAR("linear", 0.0) {
        @Override
        double[] compute(double[] x, int n, int nTrain, int d, int k, int width, RandomStream random) {
            double[] u = new double[d];
            random.derive("linear").fillGaussian(u, 1.0);
            double norm = Math.sqrt(Linalg.dot(u, u));
            double[] y = new double[n];
            Linalg.gemv(false, n, d, 1.0 / norm, x, u, 0.0, y);
            return y;
        }
    };

    private final String key;
    private final double defaultNoise;

    Target(String key, double defaultNoise) {
        this.key = key;
        this.defaultNoise = defaultNoise;
    }

    /** @return the name in experiment files */
    String key() {
        return key;
    }

    /** @return the label noise's standard deviation when the run does not set one */
    double defaultNoise() {
        return defaultNoise;
    }

    /**
     * @param x {@code n x d} inputs: the training points first, then the test points
     * @param n all points
     * @param nTrain the training points (statistics for standardizing come from them)
     * @param d the dimension
     * @param k the outputs (1 except for the teacher)
     * @param width the teacher's hidden width
     * @param random the data set's stream
     * @return {@code n x k} noiseless targets
     */
    abstract double[] compute(double[] x, int n, int nTrain, int d, int k, int width, RandomStream random);

    /**
     * @param key {@code teacher}, {@code sine} or {@code linear}
     * @return the target
     * @throws InvalidInputException naming {@code target} for any other value
     */
    static Target of(String key) {
        for (Target t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new InvalidInputException("target", "unknown target '" + key + "'; choose teacher, sine or linear");
    }

    /** Maps each column to zero mean and unit variance over the first nTrain rows (if they vary). */
    private static void standardize(double[] y, int n, int nTrain, int k) {
        if (nTrain < 2) {
            return;
        }
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (int i = 0; i < nTrain; i++) {
                mean += y[i * k + c];
            }
            mean /= nTrain;
            double var = 0;
            for (int i = 0; i < nTrain; i++) {
                double e = y[i * k + c] - mean;
                var += e * e;
            }
            double sd = Math.sqrt(var / nTrain);
            if (sd == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                y[i * k + c] = (y[i * k + c] - mean) / sd;
            }
        }
    }
}
