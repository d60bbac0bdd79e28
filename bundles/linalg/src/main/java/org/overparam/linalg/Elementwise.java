package org.overparam.linalg;

import org.overparam.linalg.internal.VectorElementwise;

/**
 * Elementwise and reduction kernels on flat arrays, without boxing: activations and their
 * derivatives, Hadamard products, bias broadcasts, sums and norms. Each runs in one pass in index
 * order, so results are deterministic; the JIT vectorizes the simple loops.
 *
 * <p>Ranges are given as {@code (n, array, offset)}; outputs may be the same array as an input
 * (in place) only where a method says so.
 */
public final class Elementwise {
    /** Whether the ReLU passes run on the Vector API ({@link VectorElementwise}), bit for bit the same. */
    private static final boolean VECTOR_RELU = vectorReluWorks();

    private Elementwise() {
    }

    private static boolean vectorReluWorks() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorElementwise.works();
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * {@code C = beta C} on an m x n row-major block; {@code beta = 0} writes zeros (even over NaN).
     *
     * @param m rows
     * @param n columns
     * @param beta the factor
     * @param c the values, updated
     * @param cOff offset of the first element
     * @param ldc leading dimension
     */
    public static void scaleMatrix(int m, int n, double beta, double[] c, int cOff, int ldc) {
        if (beta == 1) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /**
     * The float32 {@link #scaleMatrix(int, int, double, double[], int, int)}.
     *
     * @param m rows
     * @param n columns
     * @param beta the factor
     * @param c the values, updated
     * @param cOff offset of the first element
     * @param ldc leading dimension
     */
    public static void scaleMatrix(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /**
     * Copies the lower triangle of an n x n row-major matrix onto its upper triangle.
     *
     * @param n the order
     * @param c the values, updated
     * @param cOff offset of the first element
     * @param ldc leading dimension
     */
    public static void mirrorLower(int n, double[] c, int cOff, int ldc) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                c[cOff + i * ldc + j] = c[cOff + j * ldc + i];
            }
        }
    }

    /**
     * {@code y = x > 0 ? x : +0.0} (NaN gives 0, -0.0 gives +0.0); {@code y} may be {@code x}.
     *
     * @param n entries
     * @param x input; not modified unless it is y
     * @param y output
     */
    public static void relu(int n, double[] x, double[] y) {
        if (VECTOR_RELU) {
            VectorElementwise.relu(n, x, y);
            return;
        }
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToRawLongBits(x[i]);
            y[i] = Double.longBitsToDouble(b & positive(b));
        }
    }

    /**
     * The ReLU backward pass: {@code g[i] = 0} where {@code z[i] <= 0}, in place.
     *
     * @param n entries
     * @param z the pre-activations; not modified
     * @param g the incoming gradient, masked in place
     */
    public static void reluBackward(int n, double[] z, double[] g) {
        if (VECTOR_RELU) {
            VectorElementwise.reluBackward(n, z, g);
            return;
        }
        for (int i = 0; i < n; i++) {
            long keep = positive(Double.doubleToRawLongBits(z[i]));
            g[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(g[i]) & keep);
        }
    }

    /**
     * Branch-free {@code v > 0}: on random signs a branch mispredicts half the time (5x slower on
     * a ReLU layer). {@code (b - 1) | b} has its sign bit set exactly when {@code b <= 0} as a long
     * (v negative, -0.0 or +0.0); {@code INF - b} is negative exactly for a positive NaN.
     *
     * @param b the raw bits of v
     * @return all ones when {@code v > 0} (NaN is not), else 0
     */
    private static long positive(long b) {
        return ~((((b - 1) | b) >> 63) | ((0x7FF0000000000000L - b) >> 63));
    }

    /**
     * The Hadamard product {@code z = x .* y}; z may be x or y.
     *
     * @param n entries
     * @param x first factor
     * @param y second factor
     * @param z output
     */
    public static void mul(int n, double[] x, double[] y, double[] z) {
        for (int i = 0; i < n; i++) {
            z[i] = x[i] * y[i];
        }
    }

    /**
     * {@code y = alpha x + beta y} ({@code beta = 0} ignores y's old values).
     *
     * @param n entries
     * @param alpha factor of x
     * @param x input; not modified
     * @param beta factor of y's old values
     * @param y output, updated
     */
    public static void axpby(int n, double alpha, double[] x, double beta, double[] y) {
        if (beta == 0) {
            for (int i = 0; i < n; i++) {
                y[i] = alpha * x[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = alpha * x[i] + beta * y[i];
            }
        }
    }

    /**
     * {@code x *= alpha}.
     *
     * @param n entries
     * @param alpha the factor
     * @param x the values, scaled in place
     */
    public static void scale(int n, double alpha, double[] x) {
        for (int i = 0; i < n; i++) {
            x[i] *= alpha;
        }
    }

    /**
     * Adds a row vector to every row: {@code C[i, j] += v[j]} on an m x n row-major matrix (a bias).
     *
     * @param m rows
     * @param n columns
     * @param v n values; not modified
     * @param c the matrix, updated
     */
    public static void addRowVector(int m, int n, double[] v, double[] c) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] += v[j];
            }
        }
    }

    /**
     * The column sums of an m x n row-major matrix (a bias gradient): {@code out[j] = sum_i A[i, j]}.
     *
     * @param m rows
     * @param n columns
     * @param a the matrix; not modified
     * @param out n values, overwritten
     */
    public static void columnSums(int m, int n, double[] a, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            int ai = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a[ai + j];
            }
        }
    }

    /**
     * @param n entries
     * @param x values
     * @return their sum, in index order
     */
    public static double sum(int n, double[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s;
    }

    /**
     * @param n entries
     * @param x values
     * @return the sum of their squares, in index order
     */
    public static double sumSquares(int n, double[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    /**
     * @param n entries, at least 1
     * @param x values
     * @return the largest (NaN if any is NaN)
     */
    public static double max(int n, double[] x) {
        double m = x[0];
        for (int i = 1; i < n; i++) {
            double v = x[i];
            if (v > m || Double.isNaN(v)) {
                m = v;
                if (Double.isNaN(v)) {
                    return v;
                }
            }
        }
        return m;
    }

    /**
     * @param n entries, at least 1
     * @param x values
     * @return the index of the first largest value
     */
    public static int argmax(int n, double[] x) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Rounds to float32.
     *
     * @param n entries
     * @param x double values; not modified
     * @param y receives them as floats
     */
    public static void toFloat(int n, double[] x, float[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) x[i];
        }
    }

    /**
     * Widens float32 values.
     *
     * @param n entries
     * @param x float values; not modified
     * @param y receives them as doubles
     */
    public static void toDouble(int n, float[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i];
        }
    }
}
