package org.overparam.plugin.fc.internal;

import org.overparam.testkit.TestLosses;

/**
 * The tests' losses ({@code org.overparam.testkit.TestLosses}) on hyper-dual outputs, for exact
 * second derivatives: weighted squared error and softmax cross-entropy.
 */
final class DualLosses {
    private DualLosses() {
    }

    /** {@code F = 1/2 sum_ij w_ij (f_ij - y_ij)^2} on hyper-dual outputs. */
    static HyperDual squared(HyperDual[] f, double[] targets, double[] weights) {
        HyperDual s = HyperDual.ZERO;
        for (int i = 0; i < f.length; i++) {
            HyperDual r = f[i].minus(HyperDual.constant(targets[i]));
            s = s.plus(r.times(r).times(0.5 * weights[i]));
        }
        return s;
    }

    /** {@code F = sum_i (logsumexp(f_i) - f_i[label_i])} on hyper-dual outputs, k per sample. */
    static HyperDual softmax(HyperDual[] f, int[] labels, int k) {
        HyperDual s = HyperDual.ZERO;
        for (int i = 0; i < labels.length; i++) {
            HyperDual sum = HyperDual.ZERO;
            for (int j = 0; j < k; j++) {
                sum = sum.plus(f[i * k + j].exp());
            }
            s = s.plus(sum.log()).minus(f[i * k + labels[i]]);
        }
        return s;
    }
}
