package org.overparam.plugin.fc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.PieceGrams;

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
        PieceGrams.assertMatchPerSampleGradients(c.model(), 6, 61, EXACT_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesGiveTheGramOfAFiniteDifferenceJacobian(Nets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 5, 71);
        Params w = Fixtures.point(model, 72);
        int o = model.outputSize() - 1;
        double[] ref = PieceGrams.gram(finiteDifferenceJacobian(model, w, batch, o), batch.n(), (int) model.layout().size());
        assertTrue(PieceGrams.relative(PieceGrams.gramFromPieces(model, w, batch, o), ref) < FD_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesThroughANonIdentityScalingMatchRawPerSampleGradients(Nets.Case c) {
        Model inner = c.model();
        PieceGrams.assertMatchPerSampleGradients(scaling(inner, 81).wrap(inner), 6, 82, EXACT_TOLERANCE, c.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void piecesNameTheirBlocksAndHaveTheLayersShapes(Nets.Case c) {
        Model model = c.model();
        PieceGrams.assertPiecesMatchTheirBlocks(model, c.depth() + 1, l -> (c.bias() ? 2 : 1) * l,
                l -> c.bias() ? model.layout().block(2 * l + 1).name() : null);
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
                assertFalse(Fixtures.patternsDiffer(model, batch, plus, minus), "a ReLU pattern flips within the step");
                double[] fp = model.forward(plus, batch).output();
                double[] fm = model.forward(minus, batch).output();
                for (int i = 0; i < n; i++) {
                    j[i * size + col] = (fp[i * k + o] - fm[i * k + o]) / (2 * H);
                }
            }
        }
        return j;
    }
}
