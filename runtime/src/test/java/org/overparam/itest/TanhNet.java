package org.overparam.itest;

/**
 * An independent evaluation, by plain loops, of {@code fc} with one hidden layer, tanh and no
 * biases in EFFECTIVE weights: {@code f(x) = W_out tanh(W1 x)}, and of the default squared loss
 * {@code F = 1/2 sum_i (f(x_i) - y_i)^2} with its gradient. For checking a run's artifacts.
 */
final class TanhNet {
    private final int m;
    private final int d;
    private final double[] x;
    private final double[] y;

    /**
     * @param m hidden units
     * @param d inputs
     * @param x {@code n x d} inputs
     * @param y {@code n} targets
     */
    TanhNet(int m, int d, double[] x, double[] y) {
        this.m = m;
        this.d = d;
        this.x = x;
        this.y = y;
    }

    /**
     * @param w1 {@code m x d}
     * @param out {@code m}
     * @return F
     */
    double loss(double[] w1, double[] out) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = output(w1, out, i) - y[i];
            s += 0.5 * r * r;
        }
        return s;
    }

    /**
     * @param w1 {@code m x d}
     * @param out {@code m}
     * @param g1 receives dF/dW1
     * @param gOut receives dF/dW_out
     */
    void gradient(double[] w1, double[] out, double[] g1, double[] gOut) {
        java.util.Arrays.fill(g1, 0);
        java.util.Arrays.fill(gOut, 0);
        for (int i = 0; i < y.length; i++) {
            double r = output(w1, out, i) - y[i];
            for (int j = 0; j < m; j++) {
                double t = Math.tanh(pre(w1, i, j));
                gOut[j] += r * t;
                for (int k = 0; k < d; k++) {
                    g1[j * d + k] += r * out[j] * (1 - t * t) * x[i * d + k];
                }
            }
        }
    }

    private double output(double[] w1, double[] out, int i) {
        double f = 0;
        for (int j = 0; j < m; j++) {
            f += out[j] * Math.tanh(pre(w1, i, j));
        }
        return f;
    }

    private double pre(double[] w1, int i, int j) {
        double z = 0;
        for (int k = 0; k < d; k++) {
            z += w1[j * d + k] * x[i * d + k];
        }
        return z;
    }
}
