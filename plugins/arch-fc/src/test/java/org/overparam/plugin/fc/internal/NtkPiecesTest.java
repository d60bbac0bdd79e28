package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;

/**
 * The structured NTK {@code sum_l (X_l X_l^T) .* (G_l G_l^T) + biasScale^2 G_l G_l^T} from the
 * dense-layer pieces against {@code J J^T} from per-sample gradients (exact) and from a
 * central-difference Jacobian, with and without a non-identity {@link Scaling}.
 */
class NtkPiecesTest {
    /** Pieces against per-sample gradients: both exact up to rounding. */
    static final double EXACT_TOLERANCE = 1e-9;
    /** Pieces against a central-difference Jacobian with step H. */
    static final double FD_TOLERANCE = 1e-7;
    static final double H = 1e-6;

    static List<Nets.Case> cases() {
        return Nets.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesGiveTheGramOfPerSampleGradients(Nets.Case c) {
        FcModel model = c.model();
        Batch batch = Nets.batch(model, 6, 61);
        Params w = Nets.point(model, 62);
        for (int o = 0; o < model.outputSize(); o++) {
            double[] k = gramFromPieces(model, w, batch, o);
            double[] ref = gram(jacobian(model, w, batch, o), batch.n(), (int) model.layout().size());
            assertTrue(relative(k, ref) < EXACT_TOLERANCE, c + " output " + o);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesGiveTheGramOfAFiniteDifferenceJacobian(Nets.Case c) {
        FcModel model = c.model();
        Batch batch = Nets.batch(model, 5, 71);
        Params w = Nets.point(model, 72);
        int o = model.outputSize() - 1;
        double[] ref = gram(finiteDifferenceJacobian(model, w, batch, o), batch.n(), (int) model.layout().size());
        assertTrue(relative(gramFromPieces(model, w, batch, o), ref) < FD_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesThroughANonIdentityScalingMatchRawPerSampleGradients(Nets.Case c) {
        FcModel inner = c.model();
        Scaling scaling = scaling(inner, 81);
        Model model = scaling.wrap(inner);
        Batch batch = Nets.batch(model, 6, 82);
        Params raw = Nets.point(model, 83);
        for (int o = 0; o < model.outputSize(); o++) {
            double[] ref = gram(jacobian(model, raw, batch, o), batch.n(), (int) model.layout().size());
            assertTrue(relative(gramFromPieces(model, raw, batch, o), ref) < EXACT_TOLERANCE, c + " output " + o);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesNameTheirBlocksAndHaveTheLayersShapes(Nets.Case c) {
        FcModel model = c.model();
        Batch batch = Nets.batch(model, 3, 91);
        List<DenseLayerPiece> pieces = model.denseLayerPieces(Nets.point(model, 92), batch, 0).orElseThrow();
        assertEquals(c.depth() + 1, pieces.size());
        for (int l = 0; l < pieces.size(); l++) {
            DenseLayerPiece p = pieces.get(l);
            BlockSpec w = model.layout().block(model.weightIndex(l));
            assertEquals(w.name(), p.weightBlock());
            assertEquals(w.shape().dim(0), p.out());
            assertEquals(w.shape().dim(1), p.in());
            assertEquals(3 * p.in(), p.inputs().length);
            assertEquals(3 * p.out(), p.signals().length);
            if (c.bias()) {
                assertEquals(model.layout().block(model.biasIndex(l)).name(), p.biasBlock());
                assertEquals(1.0, p.biasScale());
            } else {
                assertNull(p.biasBlock());
                assertEquals(0.0, p.biasScale());
            }
        }
        assertFalse(pieces.get(0).inputs() == batch.inputs(), "the batch's inputs must not be handed out");
    }

    /** A scaling with NTK-like scalars, per-input multipliers on the output layer and on W1. */
    static Scaling scaling(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        List<BlockScale> s = new ArrayList<>();
        for (BlockSpec b : model.layout().blocks()) {
            double scalar = 1.3 / Math.sqrt(b.fanIn());
            double[] per = null;
            if (b.shape().rank() == 2 && (b.name().equals("W_out") || b.name().equals("W1"))) {
                per = new double[b.shape().dim(1)];
                for (int j = 0; j < per.length; j++) {
                    per[j] = 0.2 + r.nextDouble();
                }
            }
            s.add(b.shape().rank() == 1 ? BlockScale.of(0.7) : new BlockScale(scalar, per));
        }
        return new Scaling(model.layout(), s);
    }

    static double[] gramFromPieces(Model model, Params w, Batch batch, int o) {
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
    static double[] jacobian(Model model, Params w, Batch batch, int o) {
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
            flatten(g, j, i * size);
        }
        return j;
    }

    static double[] finiteDifferenceJacobian(Model model, Params w, Batch batch, int o) {
        int n = batch.n();
        int k = model.outputSize();
        int size = (int) model.layout().size();
        double[] j = new double[n * size];
        int col = 0;
        for (int b = 0; b < w.layout().count(); b++) {
            for (int e = 0; e < w.block(b).length; e++, col++) {
                Params plus = w.copy();
                plus.block(b)[e] += H;
                Params minus = w.copy();
                minus.block(b)[e] -= H;
                assertFalse(Nets.patternsDiffer(model, batch, plus, minus), "a ReLU pattern flips within the step");
                double[] fp = model.forward(plus, batch).output();
                double[] fm = model.forward(minus, batch).output();
                for (int i = 0; i < n; i++) {
                    j[i * size + col] = (fp[i * k + o] - fm[i * k + o]) / (2 * H);
                }
            }
        }
        return j;
    }

    static double[] gram(double[] j, int n, int size) {
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

    static double relative(double[] a, double[] ref) {
        double err = 0;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            err = Math.max(err, Math.abs(a[i] - ref[i]));
            max = Math.max(max, Math.abs(ref[i]));
        }
        return err / max;
    }

    private static void flatten(Params p, double[] out, int offset) {
        for (int b = 0; b < p.layout().count(); b++) {
            System.arraycopy(p.block(b), 0, out, offset, p.block(b).length);
            offset += p.block(b).length;
        }
    }
}
