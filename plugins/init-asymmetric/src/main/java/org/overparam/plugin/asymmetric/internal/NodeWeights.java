package org.overparam.plugin.asymmetric.internal;

/**
 * The node weights of asymmetrical node scaling (arXiv 2302.01002, as in the authors' code):
 * {@code lambda_j = a / p + (1 - a) Z_j} for {@code j = 1..p}, with the normalized Zipf law
 * {@code Z_j = j^(-1/alpha) / H}, {@code H = sum_{k=1..p} k^(-1/alpha)}. They are positive for
 * {@code a > 0} (and for {@code a = 0}: node 1 gets {@code 1/H}, unlike the authors' code, which gives it
 * zero mass), sum to 1 and, for {@code a < 1}, decrease in j. {@code a = 1} gives exactly
 * {@code 1/p} for every node: the symmetric NTK net.
 */
final class NodeWeights {
    private NodeWeights() {
    }

    /**
     * @param p the number of nodes, at least 1
     * @param a the symmetric share, in [0, 1]
     * @param alpha the Zipf parameter, in (0, 1); the exponent is {@code 1/alpha}
     * @return {@code lambda_1 .. lambda_p} (index j-1 holds lambda_j)
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static double[] lambda(int p, double a, double alpha) {
        if (p < 1 || !(a >= 0 && a <= 1) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("need p >= 1, a in [0, 1], alpha in (0, 1); got p = " + p + ", a = "
                    + a + ", alpha = " + alpha);
        }
        double s = 1.0 / alpha;
        double[] z = new double[p];
        for (int j = 1; j <= p; j++) {
            z[j - 1] = Math.pow(j, -s);
        }
        double h = 0;
        for (int j = p; j >= 1; j--) {
            h += z[j - 1];
        }
        double[] lambda = new double[p];
        double sym = a / p;
        for (int j = 0; j < p; j++) {
            lambda[j] = sym + (1 - a) * (z[j] / h);
        }
        return lambda;
    }

    /**
     * The authors' indexing (their code evaluates SciPy's {@code zipfian(1/alpha, p)} pmf at
     * {@code 0, 1, ..., p-1}): node {@code i} (0-based) gets {@code a/p + (1 - a) i^(-1/alpha) / H}
     * with the same {@code H = sum_{k=1..p} k^(-1/alpha)}, and the pmf is 0 at {@code i = 0}, so
     * their node 0 holds only {@code a/p} (nothing at all when {@code a = 0}) and the Zipf weight of
     * index p is never used. Entry i is {@link #lambda}'s entry {@code i - 1} for {@code i >= 1}: the
     * same weights shifted by one node; they sum to {@code 1 - (1 - a) p^(-1/alpha) / H}, not 1.
     *
     * @param p the number of nodes, at least 1
     * @param a the symmetric share, in [0, 1]
     * @param alpha the Zipf parameter, in (0, 1)
     * @return the authors' {@code lambda_0 .. lambda_{p-1}}
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static double[] authors(int p, double a, double alpha) {
        double[] ours = lambda(p, a, alpha);
        double[] out = new double[p];
        out[0] = a / p;
        System.arraycopy(ours, 0, out, 1, p - 1);
        return out;
    }
}
