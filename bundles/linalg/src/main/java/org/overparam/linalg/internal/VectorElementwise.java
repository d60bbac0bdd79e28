package org.overparam.linalg.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ReLU and its backward mask on the incubating Vector API: one compare and one blend per
 * vector of lanes. The JIT does not vectorize the scalar branch-free form (its raw-bit moves), which
 * made the two passes over a 100 x 2000 activation cost a third of a small net's step. Each lane is
 * the scalar definition exactly ({@code v > 0 ? v : +0.0}; NaN and -0.0 give +0.0), so results do
 * not change bit for bit.
 *
 * <p>Load this class only when the JVM has {@code jdk.incubator.vector} ({@link #works()}).
 */
public final class VectorElementwise {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final DoubleVector ZERO = DoubleVector.zero(S);

    private VectorElementwise() {
    }

    /**
     * Call only where the JVM has {@code jdk.incubator.vector}: loading this class without it throws
     * a {@link LinkageError}.
     *
     * @return whether this class computes the definition on a vector and its tail
     */
    public static boolean works() {
        double[] x = new double[S.length() + 1];
        java.util.Arrays.fill(x, -1);
        x[0] = 2;
        double[] y = new double[x.length];
        relu(x.length, x, y);
        return y[0] == 2 && y[1] == 0 && y[x.length - 1] == 0;
    }

    /**
     * {@code y = x > 0 ? x : +0.0}; y may be x.
     *
     * @param n entries
     * @param x input
     * @param y output
     */
    public static void relu(int n, double[] x, double[] y) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            ZERO.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0.0;
        }
    }

    /**
     * {@code g = z > 0 ? g : +0.0}, in place.
     *
     * @param n entries
     * @param z the pre-activations
     * @param g the incoming gradient, masked
     */
    public static void reluBackward(int n, double[] z, double[] g) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += S.length()) {
            VectorMask<Double> keep = DoubleVector.fromArray(S, z, i).compare(VectorOperators.GT, 0.0);
            ZERO.blend(DoubleVector.fromArray(S, g, i), keep).intoArray(g, i);
        }
        for (; i < n; i++) {
            g[i] = z[i] > 0 ? g[i] : 0.0;
        }
    }
}
