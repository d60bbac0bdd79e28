package org.overparam.plugin.landscape.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.testkit.RecordingSink;

/**
 * {@code convexity} on quadratics, where everything is known: along {@code w + t u} the loss minus its
 * chord is {@code -t (1 - t) u^T H u / 2}, the gradient difference is {@code H u} and the remainder
 * {@code u^T H u / 2}.
 */
class ConvexityAnalyzerTest {
    private static final int P = 32;
    private final Layout layout = Matrices.smallNet();
    private final Params w = Matrices.gaussianPoint(layout, 41);

    /** The directions the analyzer draws, scaled to length r. */
    private Params[] directions(int count, double r, boolean... trainable) {
        RandomStream random = RandomStream.of(Quadratic.SEED).derive("convexity.u");
        Params[] u = new Params[count];
        for (int k = 0; k < count; k++) {
            u[k] = w.zerosLike();
            for (int b = 0; b < layout.count(); b++) {
                random.fillGaussian(u[k].block(b), 1.0);
                if (b < trainable.length && !trainable[b]) {
                    java.util.Arrays.fill(u[k].block(b), 0.0);
                }
            }
            u[k].scale(r / u[k].norm());
        }
        return u;
    }

    private static double quad(Quadratic q, Params u) {
        double[] x = q.flat(u);
        double[] hx = q.times(x);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * hx[i];
        }
        return s;
    }

    @Test
    void aConvexQuadraticHasNoChordGapAndItsCurvatureAsSmoothness() {
        double[] c = new double[P];
        c[0] = 3;
        Quadratic q = new Quadratic(layout, Matrices.spd(P, 6), c);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new ConvexityAnalyzer().analyze(q.snapshot(w, w, Config.of(Map.of("radius", 0.1, "directions", 4L))), out);
        double r = 0.1 * w.norm();
        assertEquals(r, out.get("radius"), 1e-15 * r);
        double minQ = Double.POSITIVE_INFINITY;
        double maxQ = 0;
        double maxHu = 0;
        for (Params u : directions(4, r)) {
            minQ = Math.min(minQ, quad(q, u));
            maxQ = Math.max(maxQ, quad(q, u));
            double[] hu = q.times(q.flat(u));
            maxHu = Math.max(maxHu, Math.sqrt(org.overparam.linalg.Linalg.dot(hu, hu)));
        }
        double scale = q.value(w);
        assertTrue(out.get("chord_gap") <= 1e-13 * scale, "convex: gap " + out.get("chord_gap"));
        // The smallest t (1 - t) on the grid t = i / 10 is 0.09.
        assertEquals(-0.09 / 2 * minQ, out.get("chord_gap"), 1e-11 * scale);
        assertEquals(out.get("chord_gap") / (r * r), out.get("chord_gap_rel_sq"), 1e-15);
        assertEquals(out.get("chord_gap") / scale, out.get("chord_gap_rel_loss"), 1e-12);
        assertEquals(maxQ / (2 * r * r), out.get("smoothness"), 1e-9);
        assertEquals(maxHu / r, out.get("lipschitz"), 1e-10);
        assertTrue(out.get("lipschitz_mean") <= out.get("lipschitz"));
    }

    @Test
    void aConcaveQuadraticRisesAboveItsChordByAnEighthOfTheCurvature() {
        double[] h = new double[P * P];
        for (int i = 0; i < P; i++) {
            h[i * P + i] = -1;
        }
        Quadratic q = new Quadratic(layout, h, q0(w));
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new ConvexityAnalyzer().analyze(q.snapshot(w, w, Config.of(Map.of("radius", 0.5,
                "relativeRadius", false, "directions", 3L))), out);
        assertEquals(0.5, out.get("radius"), 0);
        // F(w) = 0, F(w + u) = -r^2 / 2, F(w + u / 2) = -r^2 / 8: the gap at t = 1/2 is r^2 / 8.
        assertEquals(0.25 / 8, out.get("chord_gap"), 1e-15);
        assertEquals(0.25 / 8, out.get("chord_gap_mean"), 1e-15);
        assertEquals(1.0 / 8, out.get("chord_gap_rel_sq"), 1e-14);
        assertEquals(1.0, out.get("lipschitz"), 1e-14);
        assertEquals(-0.5, out.get("smoothness"), 1e-14);
    }

    @Test
    void frozenBlocksDoNotMove() {
        Quadratic q = new Quadratic(layout, Matrices.spd(P, 7), new double[P]);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new ConvexityAnalyzer().analyze(q.snapshot(w, w, Config.of(Map.of("directions", 2L)), false, true, true), out);
        double trained = Math.sqrt(Math.pow(w.blockNorm(1), 2) + Math.pow(w.blockNorm(2), 2));
        assertEquals(0.05 * trained, out.get("radius"), 1e-15);
        double maxQ = 0;
        for (Params u : directions(2, 0.05 * trained, false, true, true)) {
            maxQ = Math.max(maxQ, quad(q, u));
        }
        assertEquals(maxQ / (2 * Math.pow(0.05 * trained, 2)), out.get("smoothness"), 1e-9);
    }

    private static double[] q0(Params w) {
        double[] c = new double[P];
        int k = 0;
        for (int b = 0; b < w.layout().count(); b++) {
            for (double v : w.block(b)) {
                c[k++] = v;
            }
        }
        return c;
    }
}
