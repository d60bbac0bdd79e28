package org.overparam.plugin.ntk.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.overparam.api.Batch;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.linalg.Linalg;

/**
 * The empirical NTK of a network of dense layers from its per-layer pieces
 * ({@link Model#denseLayerPieces}), never the {@code n x P} Jacobian: for a layer with inputs
 * {@code X} ({@code n x in}) and back-propagated signals {@code G_o} ({@code n x out}) of output o,
 * <pre>
 *   K_oo'  +=  (X X^T) .* (G_o G_o'^T)  [weight trainable]  +  biasScale^2 (G_o G_o'^T)  [bias trainable]
 * </pre>
 * summed over layers (the per-layer form used by neural-tangents' "structured derivatives"). Each
 * Gram is one {@link Linalg#syrk} (or gemm across outputs), so a layer costs
 * {@code O(n^2 (in + out))} and memory is {@code O(n^2)} for three {@code n x n} arrays plus the
 * pieces, {@code O(n (in + out))} per layer. Blocks the run freezes are left out. Pieces come in
 * raw-parameter coordinates (a scaled model has already applied its multipliers), so this is the
 * Gram of raw-parameter gradients, the kernel gradient descent on raw values sees.
 */
final class StructuredGram {
    private StructuredGram() {
    }

    /**
     * Why the pieces do not give the whole NTK, or {@code null} when they do: every trainable block
     * must be the weight or bias of exactly one piece.
     *
     * @param layout the model's blocks
     * @param pieces one output's pieces
     * @param trainable which block positions the run trains
     * @return the reason, or {@code null}
     */
    static String unsupported(Layout layout, List<DenseLayerPiece> pieces, IntPredicate trainable) {
        Set<String> seen = new HashSet<>();
        for (DenseLayerPiece p : pieces) {
            for (String b : new String[] {p.weightBlock(), p.biasBlock()}) {
                if (b == null) {
                    continue;
                }
                if (!layout.has(b)) {
                    return "a piece names block " + b + ", which the layout does not have";
                }
                if (!seen.add(b)) {
                    return "block " + b + " appears in two pieces (shared weights)";
                }
            }
        }
        for (int i = 0; i < layout.count(); i++) {
            if (trainable.test(i) && !seen.contains(layout.block(i).name())) {
                return "trainable block " + layout.block(i).name() + " is in no dense-layer piece";
            }
        }
        return null;
    }

    /**
     * {@code sum over outputs o of K_oo}: the Gram of one output, or its trace over several outputs.
     *
     * @param model the model
     * @param params the point; not modified
     * @param batch the n samples
     * @param outputs the output indices, at least one
     * @param trainable which block positions the run trains
     * @param first the pieces of {@code outputs[0]}, already computed
     * @return {@code n x n}, row-major
     */
    static double[] trace(Model model, Params params, Batch batch, int[] outputs, IntPredicate trainable,
                          List<DenseLayerPiece> first) {
        int n = batch.n();
        double[] k = new double[n * n];
        double[] gg = new double[n * n];
        // X X^T depends on the layer only: kept across outputs, by weight block.
        Map<String, double[]> xx = new HashMap<>();
        for (int a = 0; a < outputs.length; a++) {
            List<DenseLayerPiece> pieces = a == 0 ? first : model.denseLayerPieces(params, batch, outputs[a]).orElseThrow();
            for (DenseLayerPiece p : pieces) {
                Layer layer = Layer.of(model.layout(), p, trainable);
                if (layer.skipped()) {
                    continue;
                }
                double[] x = null;
                if (layer.weight()) {
                    x = xx.get(p.weightBlock());
                    if (x == null) {
                        x = new double[n * n];
                        Linalg.syrk(false, n, p.in(), 1.0, p.inputs(), 0.0, x);
                        if (outputs.length > 1) {
                            xx.put(p.weightBlock(), x);
                        }
                    }
                }
                Linalg.syrk(false, n, p.out(), 1.0, p.signals(), 0.0, gg);
                accumulate(k, x, layer.bias2(), gg);
            }
        }
        return k;
    }

    /**
     * The full kernel with cross-output terms, {@code (n k) x (n k)}, indexed sample-major
     * ({@code i * k + o}, the layout of a batch's outputs).
     *
     * @param model the model
     * @param params the point; not modified
     * @param batch the n samples
     * @param trainable which block positions the run trains
     * @param first the pieces of output 0, already computed
     * @return {@code (n k) x (n k)}, row-major
     */
    static double[] full(Model model, Params params, Batch batch, IntPredicate trainable, List<DenseLayerPiece> first) {
        int n = batch.n();
        int kOut = model.outputSize();
        int size = n * kOut;
        double[] k = new double[size * size];
        @SuppressWarnings("unchecked")
        List<DenseLayerPiece>[] all = new List[kOut];
        for (int o = 0; o < kOut; o++) {
            all[o] = o == 0 ? first : model.denseLayerPieces(params, batch, o).orElseThrow();
        }
        double[] xx = new double[n * n];
        double[] gg = new double[n * n];
        double[] v = new double[n * n];
        for (int l = 0; l < first.size(); l++) {
            DenseLayerPiece p = first.get(l);
            Layer layer = Layer.of(model.layout(), p, trainable);
            if (layer.skipped()) {
                continue;
            }
            if (layer.weight()) {
                Linalg.syrk(false, n, p.in(), 1.0, p.inputs(), 0.0, xx);
            }
            for (int o = 0; o < kOut; o++) {
                for (int q = o; q < kOut; q++) {
                    DenseLayerPiece po = all[o].get(l);
                    DenseLayerPiece pq = all[q].get(l);
                    if (!po.weightBlock().equals(p.weightBlock()) || !pq.weightBlock().equals(p.weightBlock())) {
                        throw new IllegalStateException("outputs " + o + " and " + q + " give pieces in different orders");
                    }
                    Linalg.gemm(false, true, n, n, p.out(), 1.0, po.signals(), pq.signals(), 0.0, gg);
                    java.util.Arrays.fill(v, 0.0);
                    accumulate(v, layer.weight() ? xx : null, layer.bias2(), gg);
                    scatter(k, v, n, kOut, o, q);
                }
            }
        }
        return k;
    }

    /** {@code k += (xx + bias2) .* gg}, or {@code k += bias2 * gg} when {@code xx} is null. */
    private static void accumulate(double[] k, double[] xx, double bias2, double[] gg) {
        if (xx == null) {
            for (int i = 0; i < k.length; i++) {
                k[i] += bias2 * gg[i];
            }
        } else {
            for (int i = 0; i < k.length; i++) {
                k[i] += (xx[i] + bias2) * gg[i];
            }
        }
    }

    /** Adds the {@code n x n} block {@code v = <grad f_o(x_i), grad f_q(x_j)>} at (o, q) and its transpose at (q, o). */
    private static void scatter(double[] k, double[] v, int n, int kOut, int o, int q) {
        int size = n * kOut;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = v[i * n + j];
                k[(i * kOut + o) * size + j * kOut + q] += x;
                if (o != q) {
                    k[(j * kOut + q) * size + i * kOut + o] += x;
                }
            }
        }
    }

    /** What a piece contributes under the run's frozen set. */
    private record Layer(boolean weight, double bias2) {
        static Layer of(Layout layout, DenseLayerPiece p, IntPredicate trainable) {
            boolean w = trainable.test(layout.indexOf(p.weightBlock()));
            boolean b = p.biasBlock() != null && trainable.test(layout.indexOf(p.biasBlock()));
            return new Layer(w, b ? p.biasScale() * p.biasScale() : 0.0);
        }

        boolean skipped() {
            return !weight && bias2 == 0.0;
        }
    }
}
