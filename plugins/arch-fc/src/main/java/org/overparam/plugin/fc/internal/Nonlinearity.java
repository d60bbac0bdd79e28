package org.overparam.plugin.fc.internal;

import org.overparam.api.InvalidInputException;
import org.overparam.linalg.Elementwise;

/**
 * A hidden-layer activation {@code sigma} with its first and second derivatives, applied
 * elementwise to flat arrays. ReLU's second derivative is 0 almost everywhere (its derivative at 0
 * is taken as 0); softplus and tanh are smooth, as the analysis of arXiv 2210.12001 requires.
 */
enum Nonlinearity {
    /** {@code max(z, 0)}. */
    RELU("relu") {
        @Override
        double value(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        double first(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        double second(double z) {
            return 0.0;
        }
    },
    /** {@code log(1 + e^z)}, computed without overflow. */
    SOFTPLUS("softplus") {
        @Override
        double value(double z) {
            return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
        }

        @Override
        double first(double z) {
            return sigmoid(z);
        }

        @Override
        double second(double z) {
            double s = sigmoid(z);
            return s * (1.0 - s);
        }
    },
    /** {@code tanh(z)}. */
    TANH("tanh") {
        @Override
        double value(double z) {
            return Math.tanh(z);
        }

        @Override
        double first(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }

        @Override
        double second(double z) {
            double t = Math.tanh(z);
            return -2.0 * t * (1.0 - t * t);
        }
    };

    private final String key;

    Nonlinearity(String key) {
        this.key = key;
    }

    /** @return the name in experiment files */
    String key() {
        return key;
    }

    /**
     * @param key {@code relu}, {@code softplus} or {@code tanh}
     * @return the activation
     * @throws InvalidInputException naming {@code activation} for any other value
     */
    static Nonlinearity of(String key) {
        for (Nonlinearity a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new InvalidInputException("activation", "unknown activation '" + key + "'; choose relu, softplus or tanh");
    }

    abstract double value(double z);

    abstract double first(double z);

    abstract double second(double z);

    /**
     * @param z pre-activations; not modified
     * @return {@code sigma(z)}, a new array
     */
    final double[] apply(double[] z) {
        double[] a = new double[z.length];
        if (this == RELU) {
            Elementwise.relu(z.length, z, a);
            return a;
        }
        for (int i = 0; i < z.length; i++) {
            a[i] = value(z[i]);
        }
        return a;
    }

    /**
     * {@code x .*= sigma'(z)}; for ReLU, {@code x} set to +0.0 where {@code z <= 0} (branch-free).
     *
     * @param z pre-activations; not modified
     * @param x updated
     */
    final void timesFirst(double[] z, double[] x) {
        if (this == RELU) {
            Elementwise.reluBackward(z.length, z, x);
            return;
        }
        for (int i = 0; i < z.length; i++) {
            x[i] *= first(z[i]);
        }
    }

    /**
     * The R-operator of {@code delta = w .* sigma'(z)}:
     * {@code u .* sigma'(z) + w .* sigma''(z) .* rz}, written into {@code u}.
     *
     * @param z pre-activations; not modified
     * @param w the back-propagated signal before the derivative; not modified
     * @param rz {@code R{z}}; not modified
     * @param u {@code R{w}} on entry, the result on exit
     */
    final void rBackward(double[] z, double[] w, double[] rz, double[] u) {
        if (this == RELU) {
            timesFirst(z, u);
            return;
        }
        for (int i = 0; i < z.length; i++) {
            u[i] = u[i] * first(z[i]) + w[i] * second(z[i]) * rz[i];
        }
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
