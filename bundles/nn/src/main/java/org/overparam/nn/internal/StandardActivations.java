package org.overparam.nn.internal;

import org.overparam.linalg.Elementwise;
import org.overparam.nn.Nonlinearity;

/**
 * The shipped activations. ReLU's derivative at 0 is taken as 0 and its second derivative is 0
 * almost everywhere; its bulk passes are linalg's branch-free kernels. ReLU and erf have closed-form
 * kernel expectations; tanh and softplus use {@link GaussHermite#DEFAULT}.
 */
public enum StandardActivations implements Nonlinearity {
    /** {@code max(z, 0)}. */
    RELU {
        @Override
        public double value(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double first(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public double second(double z) {
            return 0.0;
        }

        @Override
        public void apply(int n, double[] z, double[] a) {
            Elementwise.relu(n, z, a);
        }

        @Override
        public void timesFirst(int n, double[] z, double[] x) {
            Elementwise.reluBackward(n, z, x);
        }

        @Override
        public void rBackward(int n, double[] z, double[] w, double[] rz, double[] u) {
            Elementwise.reluBackward(n, z, u);
        }

        /**
         * The arc-cosine kernels of degree 1 and 0 (Cho and Saul 2009, NeurIPS): with
         * {@code cos t = k12 / sqrt(k11 k22)}, {@code E[phi phi] = sqrt(k11 k22) (sin t + (pi - t) cos t) / (2 pi)}
         * and {@code E[phi' phi'] = (pi - t) / (2 pi)}.
         */
        @Override
        public void expectations(double k11, double k12, double k22, double[] out) {
            double s = Math.sqrt(Math.max(k11, 0) * Math.max(k22, 0));
            if (s == 0) {
                out[0] = 0;
                out[1] = 0;
                return;
            }
            double c = Math.max(-1, Math.min(1, k12 / s));
            // acos(c) as 2 atan(sqrt((1 - c) / (1 + c))): the same to an ulp, and Math.acos is 20 to
            // 50 times slower for |c| > 1/2 on JDK 17 (deep nets' correlations are near 1).
            double t = 2 * Math.atan(Math.sqrt((1 - c) / (1 + c)));
            out[0] = s * (Math.sqrt((1 - c) * (1 + c)) + (Math.PI - t) * c) / (2 * Math.PI);
            out[1] = (Math.PI - t) / (2 * Math.PI);
        }
    },
    /** {@code tanh(z)}. */
    TANH {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double first(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }

        @Override
        public double second(double z) {
            double t = Math.tanh(z);
            return -2.0 * t * (1.0 - t * t);
        }
    },
    /** {@code erf(z)}. */
    ERF {
        @Override
        public double value(double z) {
            return ErfFunction.erf(z);
        }

        @Override
        public double first(double z) {
            return 2 / Math.sqrt(Math.PI) * Math.exp(-z * z);
        }

        @Override
        public double second(double z) {
            return -2 * z * first(z);
        }

        /**
         * Williams (1997, NeurIPS "Computing with infinite networks"):
         * {@code E[erf(u) erf(v)] = (2/pi) asin(2 k12 / sqrt((1 + 2 k11)(1 + 2 k22)))} and
         * {@code E[erf'(u) erf'(v)] = (4/pi) / sqrt((1 + 2 k11)(1 + 2 k22) - 4 k12^2)}.
         */
        @Override
        public void expectations(double k11, double k12, double k22, double[] out) {
            double a = (1 + 2 * k11) * (1 + 2 * k22);
            out[0] = 2 / Math.PI * Math.asin(Math.max(-1, Math.min(1, 2 * k12 / Math.sqrt(a))));
            out[1] = 4 / Math.PI / Math.sqrt(a - 4 * k12 * k12);
        }
    },
    /** {@code log(1 + e^z)}, computed without overflow. */
    SOFTPLUS {
        @Override
        public double value(double z) {
            return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
        }

        @Override
        public double first(double z) {
            return sigmoid(z);
        }

        @Override
        public double second(double z) {
            double s = sigmoid(z);
            return s * (1.0 - s);
        }
    };

    /** @return the lower-case name: relu, tanh, erf, softplus */
    @Override
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
