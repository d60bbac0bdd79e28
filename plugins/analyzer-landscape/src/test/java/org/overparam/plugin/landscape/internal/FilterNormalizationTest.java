package org.overparam.plugin.landscape.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;

/** Filter-normalized directions: each row's norm is the weights' row norm; biases zero or normalized. */
class FilterNormalizationTest {
    private final Layout layout = Matrices.smallNet();

    private Objective objective(Params w, boolean... trainable) {
        Quadratic q = new Quadratic(layout, new double[32 * 32], new double[32]);
        return new Objective(q.snapshot(w, w, Config.empty(), trainable), 0);
    }

    private static double rowNorm(double[] a, int row, int len) {
        double s = 0;
        for (int i = row * len; i < (row + 1) * len; i++) {
            s += a[i] * a[i];
        }
        return Math.sqrt(s);
    }

    @Test
    void everyRowHasTheNormOfTheSameRowOfTheWeights() {
        Params w = Matrices.gaussianPoint(layout, 21);
        w.block("W2")[4] = 0;
        w.block("W2")[5] = 0;
        w.block("W2")[6] = 0;
        w.block("W2")[7] = 0;
        Params d = FilterNormalization.direction(w, objective(w), RandomStream.of(1), false);
        for (int r = 0; r < 4; r++) {
            assertEquals(rowNorm(w.block("W1"), r, 5), rowNorm(d.block("W1"), r, 5), 1e-14 * rowNorm(w.block("W1"), r, 5));
        }
        assertEquals(rowNorm(w.block("W2"), 0, 4), rowNorm(d.block("W2"), 0, 4), 1e-14 * rowNorm(w.block("W2"), 0, 4));
        assertArrayEquals(new double[4], java.util.Arrays.copyOfRange(d.block("W2"), 4, 8), 0, "a zero row stays zero");
        assertArrayEquals(new double[4], d.block("b1"), 0, "biases are zeroed by default");
    }

    @Test
    void normalizedBiasesTakeTheBiasNormAndFrozenBlocksStayStill() {
        Params w = Matrices.gaussianPoint(layout, 22);
        Params d = FilterNormalization.direction(w, objective(w, true, true, false), RandomStream.of(2), true);
        assertEquals(w.blockNorm(1), d.blockNorm(1), 1e-14 * w.blockNorm(1));
        assertTrue(d.blockNorm(0) > 0);
        assertArrayEquals(new double[8], d.block("W2"), 0, "frozen");
    }

    @Test
    void theRawDrawDoesNotDependOnWhichBlocksAreTrained() {
        Params w = Matrices.gaussianPoint(layout, 23);
        Params all = FilterNormalization.direction(w, objective(w), RandomStream.of(3), false);
        Params some = FilterNormalization.direction(w, objective(w, false, true, true), RandomStream.of(3), false);
        assertArrayEquals(all.block("W2"), some.block("W2"), 0);
    }
}
