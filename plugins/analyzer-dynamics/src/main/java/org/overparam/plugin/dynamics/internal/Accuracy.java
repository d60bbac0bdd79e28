package org.overparam.plugin.dynamics.internal;

import org.overparam.api.Batch;

/**
 * Classification accuracy: the fraction of samples whose largest output (the first one on ties)
 * is their class. The class is the batch's label or, for a batch without labels, the position of
 * the largest target (one-hot targets).
 */
final class Accuracy {
    private Accuracy() {
    }

    /**
     * @param outputs {@code n x k} model outputs; not modified
     * @param batch the samples
     * @return the fraction in [0, 1] (NaN for an empty batch)
     */
    static double of(double[] outputs, Batch batch) {
        int n = batch.n();
        int k = batch.outputSize();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int truth = batch.labels() != null ? batch.labels()[i] : argmax(batch.targets(), i * k, k);
            if (argmax(outputs, i * k, k) == truth) {
                correct++;
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /** @return the position in {@code [0, k)} of the largest of {@code a[off .. off + k)}, the first on ties */
    static int argmax(double[] a, int off, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (a[off + j] > a[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
