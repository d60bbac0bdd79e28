package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;

/**
 * The structured NTK Gram {@code sum_l (X_l X_l^T) .* (G_l G_l^T) + biasScale^2 G_l G_l^T} from a
 * model's dense-layer pieces, and the reference {@code J J^T} from per-sample gradients
 * (arXiv:1806.07572). All Grams are n x n row-major over the batch's samples; Jacobians are
 * n x P row-major, P the layout's size, columns in block order. The assertions check an
 * architecture's pieces against them.
 */
public final class PieceGrams {
    private PieceGrams() {
    }

    /**
     * Asserts, for every output, that the Gram of the model's pieces matches {@code J J^T} from
     * per-sample gradients ({@link #error}) within {@code tolerance}, on n samples of seed
     * {@code seed} at the point of seed {@code seed + 1}.
     *
     * @param what the case, for the failure message
     */
    public static void assertMatchPerSampleGradients(Model model, int n, long seed, double tolerance, String what) {
        Batch batch = Fixtures.batch(model, n, seed);
        Params w = Fixtures.point(model, seed + 1);
        for (int o = 0; o < model.outputSize(); o++) {
            assertTrue(error(model, w, batch, o) < tolerance, what + " output " + o);
        }
    }

    /**
     * Asserts that the model's pieces of output 0 on 3 samples are {@code count}, piece l naming the
     * weight block of index {@code weightIndex(l)} with its shape ({@code [out, in]}) and its bias
     * block {@code biasBlock(l)} (scale 1; null and scale 0 when none), with 3 samples' inputs and
     * signals, the first piece's inputs a copy of the batch's.
     */
    public static void assertPiecesMatchTheirBlocks(Model model, int count, IntUnaryOperator weightIndex,
                                                    IntFunction<String> biasBlock) {
        Batch batch = Fixtures.batch(model, 3, 91);
        List<DenseLayerPiece> pieces = model.denseLayerPieces(Fixtures.point(model, 92), batch, 0).orElseThrow();
        assertEquals(count, pieces.size());
        for (int l = 0; l < pieces.size(); l++) {
            DenseLayerPiece p = pieces.get(l);
            BlockSpec w = model.layout().block(weightIndex.applyAsInt(l));
            assertEquals(w.name(), p.weightBlock());
            assertEquals(w.shape().dim(0), p.out());
            assertEquals(w.shape().dim(1), p.in());
            assertEquals(3 * p.in(), p.inputs().length);
            assertEquals(3 * p.out(), p.signals().length);
            assertEquals(biasBlock.apply(l), p.biasBlock());
            assertEquals(biasBlock.apply(l) == null ? 0.0 : 1.0, p.biasScale());
        }
        assertFalse(pieces.get(0).inputs() == batch.inputs(), "the batch's inputs must not be handed out");
    }

    /**
     * @param o the output index
     * @return {@code max|K_pieces - J J^T| / max|J J^T|} for output o, with J from per-sample
     *     gradients
     */
    public static double error(Model model, Params w, Batch batch, int o) {
        double[] ref = gram(jacobian(model, w, batch, o), batch.n(), (int) model.layout().size());
        return relative(gramFromPieces(model, w, batch, o), ref);
    }

    /**
     * @param perInput the block that also gets per-input multipliers in [0.2, 1.2), one per column
     *     (its shape's dim 1)
     * @param seed the multipliers' seed
     * @return a non-identity scaling: {@code 1.3 / sqrt(fanIn)} on every block
     */
    public static Scaling scaling(Layout layout, String perInput, long seed) {
        RandomStream r = RandomStream.of(seed);
        List<BlockScale> s = new ArrayList<>();
        for (BlockSpec b : layout.blocks()) {
            double[] per = null;
            if (b.name().equals(perInput)) {
                per = new double[b.shape().dim(1)];
                for (int j = 0; j < per.length; j++) {
                    per[j] = 0.2 + r.nextDouble();
                }
            }
            s.add(new BlockScale(1.3 / Math.sqrt(b.fanIn()), per));
        }
        return new Scaling(layout, s);
    }

    /** @return the n x n Gram of output o from the model's dense-layer pieces */
    public static double[] gramFromPieces(Model model, Params w, Batch batch, int o) {
        int n = batch.n();
        double[] k = new double[n * n];
        for (DenseLayerPiece p : model.denseLayerPieces(w, batch, o).orElseThrow()) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double xx = 0;
                    for (int a = 0; a < p.in(); a++) {
                        xx += p.inputs()[i * p.in() + a] * p.inputs()[j * p.in() + a];
                    }
                    double gg = 0;
                    for (int a = 0; a < p.out(); a++) {
                        gg += p.signals()[i * p.out() + a] * p.signals()[j * p.out() + a];
                    }
                    k[i * n + j] += xx * gg + p.biasScale() * p.biasScale() * gg;
                }
            }
        }
        return k;
    }

    /** @return the n x P Jacobian of output o, row i from backward with a unit output signal */
    public static double[] jacobian(Model model, Params w, Batch batch, int o) {
        int n = batch.n();
        int k = model.outputSize();
        int size = (int) model.layout().size();
        double[] j = new double[n * size];
        var f = model.forward(w, batch);
        for (int i = 0; i < n; i++) {
            double[] dOut = new double[n * k];
            dOut[i * k + o] = 1;
            Params g = Params.zeros(model.layout());
            model.backward(f, dOut, g);
            int at = i * size;
            for (int b = 0; b < g.layout().count(); b++) {
                System.arraycopy(g.block(b), 0, j, at, g.block(b).length);
                at += g.block(b).length;
            }
        }
        return j;
    }

    /** @return the n x n Gram {@code J J^T} of an n x size row-major J */
    public static double[] gram(double[] j, int n, int size) {
        double[] k = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int c = 0; c < size; c++) {
                    s += j[a * size + c] * j[b * size + c];
                }
                k[a * n + b] = s;
            }
        }
        return k;
    }

    /** @return {@code max|a - ref| / max|ref|} */
    public static double relative(double[] a, double[] ref) {
        double err = 0;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            err = Math.max(err, Math.abs(a[i] - ref[i]));
            max = Math.max(max, Math.abs(ref[i]));
        }
        return err / max;
    }
}
