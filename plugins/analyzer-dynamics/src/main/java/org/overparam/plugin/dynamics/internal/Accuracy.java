package org.overparam.plugin.dynamics.internal;

import org.overparam.api.Batch;

/**
 * Classification accuracy: the fraction of samples whose predicted class is their class. With
 * several outputs the prediction is the largest output (the first one on ties) and the class is
 * the batch's label or, without labels, the position of the largest target (one-hot targets).
 * With one output (signed targets, -1 for class 0 and +1 for class 1) the prediction is class 1
 * when the output is positive, and the class is the label or the target's sign.
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
            int truth = batch.labels() != null ? batch.labels()[i] : predicted(batch.targets(), i, k);
            if (predicted(outputs, i, k) == truth) {
                correct++;
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    private static int predicted(double[] values, int i, int k) {
        return k == 1 ? (values[i] > 0 ? 1 : 0) : argmax(values, i * k, k);
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
