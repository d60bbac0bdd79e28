package org.overparam.plugin.landscape.internal;

import org.overparam.linalg.SymmetricOperator;

/** {@code x -> A x} for a dense row-major test matrix, by a plain loop. */
record DenseOperator(double[] a, int n) implements SymmetricOperator {
    @Override
    public void apply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            y[i] = s;
        }
    }
}
