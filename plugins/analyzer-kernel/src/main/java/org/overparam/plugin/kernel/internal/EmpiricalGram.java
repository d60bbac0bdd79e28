package org.overparam.plugin.kernel.internal;

import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;

/**
 * The empirical NTK of output 0, {@code Theta_ij = <d f(x_i) / d w, d f(x_j) / d w>} over the
 * trainable blocks in the model's coordinates (raw ones for a run's model), from per-sample
 * gradients: row i of the Jacobian {@code J} ({@code n x P}) is one backward pass, and
 * {@code Theta = J J^T} one {@code syrk}. Memory {@code n P} doubles.
 */
final class EmpiricalGram {
    private EmpiricalGram() {
    }

    /**
     * @param model the model
     * @param params where
     * @param batch the samples
     * @param trainable which blocks count
     * @return the {@code n x n} Gram, row-major
     */
    static double[] of(Model model, Params params, Batch batch, boolean[] trainable) {
        int n = batch.n();
        int k = model.outputSize();
        long size = 0;
        for (int b = 0; b < trainable.length; b++) {
            size += trainable[b] ? params.block(b).length : 0;
        }
        int p = Math.toIntExact(size);
        double[] jac = new double[Math.multiplyExact(n, p)];
        for (int i = 0; i < n; i++) {
            Batch one = batch.select(new int[] {i});
            Forward f = model.forward(params, one);
            double[] d = new double[k];
            d[0] = 1.0;
            Params g = Params.zeros(model.layout());
            model.backward(f, d, g);
            int at = i * p;
            for (int b = 0; b < trainable.length; b++) {
                if (trainable[b]) {
                    System.arraycopy(g.block(b), 0, jac, at, g.block(b).length);
                    at += g.block(b).length;
                }
            }
        }
        double[] gram = new double[n * n];
        Linalg.syrk(false, n, p, 1.0, jac, 0.0, gram);
        return gram;
    }
}
