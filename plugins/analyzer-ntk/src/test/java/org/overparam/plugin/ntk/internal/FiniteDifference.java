package org.overparam.plugin.ntk.internal;

import org.overparam.api.Batch;
import org.overparam.api.Model;
import org.overparam.api.Params;

/** The NTK Gram of a central-difference Jacobian: a reference that shares no code with either path. */
final class FiniteDifference {
    private FiniteDifference() {
    }

    /**
     * @param model the model
     * @param w the point; not modified
     * @param batch the samples
     * @param output the output index
     * @param h the step
     * @return {@code J J^T} with {@code J_ip = (f_o(w + h e_p) - f_o(w - h e_p))(x_i) / 2h}
     */
    static double[] gram(Model model, Params w, Batch batch, int output, double h) {
        int n = batch.n();
        int k = model.outputSize();
        int p = (int) model.layout().size();
        double[] jac = new double[n * p];
        Params probe = w.copy();
        int col = 0;
        for (int b = 0; b < w.layout().count(); b++) {
            double[] v = probe.block(b);
            for (int t = 0; t < v.length; t++, col++) {
                double keep = v[t];
                v[t] = keep + h;
                double[] plus = model.forward(probe, batch).output().clone();
                v[t] = keep - h;
                double[] minus = model.forward(probe, batch).output();
                v[t] = keep;
                for (int i = 0; i < n; i++) {
                    jac[i * p + col] = (plus[i * k + output] - minus[i * k + output]) / (2 * h);
                }
            }
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < p; c++) {
                    s += jac[i * p + c] * jac[j * p + c];
                }
                g[i * n + j] = s;
            }
        }
        return g;
    }
}
