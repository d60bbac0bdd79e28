package org.overparam.plugin.landscape.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/** {@code slices} on quadratics: the slices are the function along the stated lines, by direct evaluation. */
class SliceAnalyzerTest {
    private static final int P = 32;
    private final Layout layout = Matrices.smallNet();
    private final Params w = Matrices.gaussianPoint(layout, 31);
    private final Params w0 = Matrices.gaussianPoint(layout, 32);

    @Test
    void randomSlicesAreTheLossAlongFilterNormalizedDirections() {
        Quadratic q = new Quadratic(layout, Matrices.spd(P, 2), new double[P]);
        FakeSnapshot s = q.snapshot(w, w0, Config.of(Map.of("steps1d", 5L, "steps2d", 3L, "range", 0.5)));
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new SliceAnalyzer().analyze(s, out);
        Objective f = new Objective(s, 0);
        RandomStream seed = RandomStream.of(Quadratic.SEED);
        Params d1 = FilterNormalization.direction(w, f, seed.derive("slice.d1"), false);
        Params d2 = FilterNormalization.direction(w, f, seed.derive("slice.d2"), false);
        double[][] line = out.series.get("random1d");
        assertArrayEquals(new double[] {-0.5, -0.25, 0, 0.25, 0.5}, line[0], 1e-16);
        for (int i = 0; i < 5; i++) {
            assertEquals(q.value(w.copy().axpy(line[0][i], d1)), line[1][i], 1e-12 * q.value(w));
        }
        double[] surface = out.matrices.get("random2d");
        double[] g = {-0.5, 0, 0.5};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(q.value(w.copy().axpy(g[i], d1).axpy(g[j], d2)), surface[i * 3 + j], 1e-12 * q.value(w),
                        "row alpha_i, column beta_j");
            }
        }
        assertEquals(q.value(w), surface[4], 1e-15 * q.value(w), "the centre is the current point");
    }

    @Test
    void interpolationOfAConvexQuadraticHasNoBarrier() {
        Quadratic q = new Quadratic(layout, Matrices.spd(P, 3), new double[P]);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new SliceAnalyzer().analyze(q.snapshot(w, w0, Config.of(Map.of("steps1d", 0L, "steps2d", 0L))), out);
        double[][] path = out.series.get("interpolation");
        assertEquals(31, path[0].length);
        assertEquals(-0.25, path[0][0], 0);
        assertEquals(1.25, path[0][30], 1e-15);
        assertEquals(q.value(w0), path[1][5], 1e-12 * q.value(w0), "alpha = 0 is the initial point");
        assertEquals(q.value(w), path[1][25], 1e-12 * q.value(w0), "alpha = 1 is the current point");
        assertEquals(0.0, out.get("barrier"), 1e-12 * q.value(w0), "the chord's ends are on the grid");
        assertFalse(out.series.containsKey("random1d"));
        assertFalse(out.matrices.containsKey("random2d"));
    }

    @Test
    void interpolationOfAConcaveQuadraticRisesAboveItsChord() {
        double[] h = Matrices.spd(P, 4);
        for (int i = 0; i < h.length; i++) {
            h[i] = -h[i];
        }
        Quadratic q = new Quadratic(layout, h, new double[P]);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new SliceAnalyzer().analyze(q.snapshot(w, w0, Config.of(Map.of("steps1d", 0L, "steps2d", 0L))), out);
        // F(w0 + a D) - chord = -a (1 - a) D^T H D / 2, largest at a = 0.5 (on the grid): |D^T H D| / 8.
        double[] delta = q.flat(w.copy().axpy(-1, w0));
        double[] hd = q.times(delta);
        double dhd = 0;
        for (int i = 0; i < P; i++) {
            dhd += delta[i] * hd[i];
        }
        assertTrue(out.get("barrier") > 0);
        assertEquals(-dhd / 8, out.get("barrier"), 1e-12 * Math.abs(dhd));
    }

    @Test
    void noInterpolationWhileAtTheInitialPoint() {
        Quadratic q = new Quadratic(layout, Matrices.spd(P, 3), new double[P]);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new SliceAnalyzer().analyze(q.snapshot(w, w, Config.of(Map.of("steps2d", 0L))), out);
        assertFalse(out.series.containsKey("interpolation"));
        assertFalse(out.scalars.containsKey("barrier"));
        assertTrue(out.series.containsKey("random1d"));
    }
}
