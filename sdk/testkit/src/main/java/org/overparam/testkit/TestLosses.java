package org.overparam.testkit;

import java.util.Arrays;
import org.overparam.api.OutputLoss;

/** Losses in the outputs for the tests: weighted squared error and softmax cross-entropy. */
public final class TestLosses {
    private TestLosses() {
    }

    /** {@code F = 1/2 sum_ij (f_ij - y_ij)^2}, the squared loss with unit weights. */
    public static OutputLoss squared(double[] targets) {
        double[] ones = new double[targets.length];
        Arrays.fill(ones, 1.0);
        return squared(targets, ones);
    }

    /** {@code F = 1/2 sum_ij w_ij (f_ij - y_ij)^2}. */
    public static OutputLoss squared(double[] targets, double[] weights) {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] g) {
                double s = 0;
                for (int i = 0; i < f.length; i++) {
                    double r = f[i] - targets[i];
                    s += 0.5 * weights[i] * r * r;
                    if (g != null) {
                        g[i] = weights[i] * r;
                    }
                }
                return s;
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                for (int i = 0; i < f.length; i++) {
                    out[i] = weights[i] * v[i];
                }
            }
        };
    }

    /** @return {@code loss} for a component that needs only its values: asking for the gradient fails the test */
    public static OutputLoss valuesOnly(OutputLoss loss) {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] g) {
                if (g != null) {
                    throw new AssertionError("the component needs no gradient of the loss");
                }
                return loss.evaluate(f, null);
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                loss.hessianVector(f, v, out);
            }
        };
    }

    /** {@code F = sum_i (logsumexp(f_i) - f_i[label_i])}, k outputs per sample. */
    public static OutputLoss softmax(int[] labels, int k) {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] g) {
                double s = 0;
                for (int i = 0; i < labels.length; i++) {
                    double[] p = probabilities(f, i, k);
                    s -= Math.log(p[labels[i]]);
                    for (int j = 0; g != null && j < k; j++) {
                        g[i * k + j] = p[j] - (j == labels[i] ? 1 : 0);
                    }
                }
                return s;
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                for (int i = 0; i < labels.length; i++) {
                    double[] p = probabilities(f, i, k);
                    double pv = 0;
                    for (int j = 0; j < k; j++) {
                        pv += p[j] * v[i * k + j];
                    }
                    for (int j = 0; j < k; j++) {
                        out[i * k + j] = p[j] * (v[i * k + j] - pv);
                    }
                }
            }
        };
    }

    private static double[] probabilities(double[] f, int i, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, f[i * k + j]);
        }
        double[] p = new double[k];
        double z = 0;
        for (int j = 0; j < k; j++) {
            p[j] = Math.exp(f[i * k + j] - max);
            z += p[j];
        }
        for (int j = 0; j < k; j++) {
            p[j] /= z;
        }
        return p;
    }
}
