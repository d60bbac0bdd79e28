package org.overparam.plugin.ntk.internal;

import java.util.function.IntPredicate;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;

/**
 * The empirical NTK of any model (convolutions included) from per-sample gradients: row r of the
 * Jacobian is {@code grad_w f_o(x_i)} over the trainable blocks, from one forward pass on the single
 * sample and one {@link Model#backward} with {@code dOutputs = e_o}; the Gram is {@code J J^T}.
 *
 * <p>Rows are assembled in blocks of {@code b} rows so that two blocks ({@code 2 b P} doubles) fit
 * the memory budget: block a is kept while blocks c > a are recomputed one after the other, so the
 * Gram's upper block row a is {@code J_a J_c^T} (one gemm each; a syrk on the diagonal) and the lower
 * triangle is its mirror. With B blocks that is {@code B (B + 1) / 2} block evaluations; when the
 * whole Jacobian fits (B = 1) each sample's gradient is computed once. Memory:
 * {@code O(R^2 + 2 b P)} for R rows.
 */
final class JacobianGram {
    private JacobianGram() {
    }

    /**
     * @param model the model
     * @param params the point; not modified
     * @param batch the n samples
     * @param outputs the output indices, at least one
     * @param trainable which block positions the run trains
     * @param memoryBytes the budget for the two row blocks
     * @return {@code n x n}: the Gram of one output, or the sum of the outputs' Grams
     */
    static double[] trace(Model model, Params params, Batch batch, int[] outputs, IntPredicate trainable,
                          long memoryBytes) {
        int n = batch.n();
        double[] k = new double[n * n];
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            samples[i] = i;
        }
        for (int o : outputs) {
            int[] rowOutputs = new int[n];
            java.util.Arrays.fill(rowOutputs, o);
            double[] ko = gram(model, params, batch, samples, rowOutputs, trainable, memoryBytes);
            Linalg.axpy(1.0, ko, k);
        }
        return k;
    }

    /**
     * @param model the model
     * @param params the point; not modified
     * @param batch the n samples
     * @param trainable which block positions the run trains
     * @param memoryBytes the budget for the two row blocks
     * @return the full {@code (n k) x (n k)} kernel, rows sample-major ({@code i * k + o})
     */
    static double[] full(Model model, Params params, Batch batch, IntPredicate trainable, long memoryBytes) {
        int kOut = model.outputSize();
        int rows = batch.n() * kOut;
        int[] samples = new int[rows];
        int[] outs = new int[rows];
        for (int r = 0; r < rows; r++) {
            samples[r] = r / kOut;
            outs[r] = r % kOut;
        }
        return gram(model, params, batch, samples, outs, trainable, memoryBytes);
    }

    /** The Gram of the Jacobian rows {@code grad f_{outs[r]}(x_{samples[r]})}. */
    private static double[] gram(Model model, Params params, Batch batch, int[] samples, int[] outs,
                                 IntPredicate trainable, long memoryBytes) {
        Rows rows = new Rows(model, params, batch, samples, outs, trainable);
        int count = samples.length;
        int p = Math.max(1, rows.width());
        int b = (int) Math.max(1, Math.min(count, memoryBytes / (2L * p * Double.BYTES)));
        double[] k = new double[count * count];
        double[] ja = new double[b * p];
        double[] jc = new double[b * p];
        for (int a0 = 0; a0 < count; a0 += b) {
            int na = Math.min(b, count - a0);
            rows.fill(a0, na, ja);
            Linalg.syrk(false, na, p, 1.0, ja, 0, p, 0.0, k, a0 * count + a0, count);
            for (int c0 = a0 + na; c0 < count; c0 += b) {
                int nc = Math.min(b, count - c0);
                rows.fill(c0, nc, jc);
                Linalg.gemm(false, true, na, nc, p, 1.0, ja, 0, p, jc, 0, p, 0.0, k, a0 * count + c0, count);
                for (int i = 0; i < na; i++) {
                    for (int j = 0; j < nc; j++) {
                        k[(c0 + j) * count + a0 + i] = k[(a0 + i) * count + c0 + j];
                    }
                }
            }
        }
        return k;
    }

    /** Computes Jacobian rows into a buffer; consecutive rows of one sample share a forward pass. */
    private static final class Rows {
        private final Model model;
        private final Params params;
        private final Batch batch;
        private final int[] samples;
        private final int[] outs;
        private final int[] trainableBlocks;
        private final int width;
        private final Params gradient;
        private final double[] dOut;

        Rows(Model model, Params params, Batch batch, int[] samples, int[] outs, IntPredicate trainable) {
            this.model = model;
            this.params = params;
            this.batch = batch;
            this.samples = samples;
            this.outs = outs;
            Layout layout = model.layout();
            int[] t = new int[layout.count()];
            int count = 0;
            long w = 0;
            for (int i = 0; i < layout.count(); i++) {
                if (trainable.test(i)) {
                    t[count++] = i;
                    w += layout.block(i).size();
                }
            }
            if (w * Double.BYTES > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a Jacobian row of " + w + " parameters does not fit one array");
            }
            this.trainableBlocks = java.util.Arrays.copyOf(t, count);
            this.width = (int) w;
            this.gradient = Params.zeros(layout);
            this.dOut = new double[model.outputSize()];
        }

        /** @return P, the number of trainable parameters */
        int width() {
            return width;
        }

        /** Writes rows {@code from .. from + count - 1} into {@code j} ({@code count x P}). */
        void fill(int from, int count, double[] j) {
            Forward f = null;
            int fSample = -1;
            for (int r = 0; r < count; r++) {
                int s = samples[from + r];
                if (s != fSample) {
                    f = model.forward(params, batch.select(new int[] {s}));
                    fSample = s;
                }
                java.util.Arrays.fill(dOut, 0.0);
                dOut[outs[from + r]] = 1.0;
                model.backward(f, dOut, gradient);
                int off = r * width;
                for (int bi : trainableBlocks) {
                    double[] g = gradient.block(bi);
                    System.arraycopy(g, 0, j, off, g.length);
                    off += g.length;
                }
            }
        }
    }
}
