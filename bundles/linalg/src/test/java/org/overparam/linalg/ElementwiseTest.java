package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The elementwise and reduction kernels on small exact cases (exact equality). */
class ElementwiseTest {
    /**
     * The branch-free ReLU is the definition {@code v > 0 ? v : +0.0} bit for bit, on every special
     * value (signed zeros, infinities, NaNs of both signs, subnormals, the extremes) and on random
     * bit patterns; its backward pass writes +0.0 exactly where {@code !(z > 0)}.
     */
    @Test
    void reluIsTheDefinitionBitForBit() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] special = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xFFF8000000000001L), Double.longBitsToDouble(0x7FF0000000000001L),
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};
        int n = special.length + 100_000;
        double[] x = new double[n];
        System.arraycopy(special, 0, x, 0, special.length);
        for (int i = special.length; i < n; i++) {
            x[i] = Double.longBitsToDouble(r.nextLong());
        }
        double[] y = new double[n];
        Elementwise.relu(n, x, y);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Double.longBitsToDouble(r.nextLong());
        }
        double[] masked = g.clone();
        Elementwise.reluBackward(n, x, masked);
        for (int i = 0; i < n; i++) {
            double want = x[i] > 0 ? x[i] : 0.0;
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(y[i]), "relu of " + x[i]);
            double wantG = x[i] > 0 ? g[i] : 0.0;
            assertEquals(Double.doubleToRawLongBits(wantG), Double.doubleToRawLongBits(masked[i]), "mask at " + x[i]);
        }
    }

    @Test
    void activationsAndProducts() {
        double[] x = {-1, 0, 2, -0.5, 3};
        double[] y = new double[5];
        Elementwise.relu(5, x, y);
        assertArrayEquals(new double[] {0, 0, 2, 0, 3}, y, 0.0);
        double[] g = {1, 1, 1, 1, 1};
        Elementwise.reluBackward(5, x, g);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1}, g, 0.0);
        Elementwise.mul(5, x, x, y);
        assertArrayEquals(new double[] {1, 0, 4, 0.25, 9}, y, 0.0);
        Elementwise.axpby(5, 2, x, 0, y);
        assertArrayEquals(new double[] {-2, 0, 4, -1, 6}, y, 0.0);
        Elementwise.axpby(5, 1, x, -1, y);
        assertArrayEquals(new double[] {1, 0, -2, 0.5, -3}, y, 0.0);
        Elementwise.scale(5, 2, y);
        assertArrayEquals(new double[] {2, 0, -4, 1, -6}, y, 0.0);
    }

    @Test
    void rowsColumnsAndReductions() {
        double[] m = {1, 2, 3, 4, 5, 6};
        Elementwise.addRowVector(2, 3, new double[] {10, 20, 30}, m);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, m, 0.0);
        double[] sums = {9, 9, 9};
        Elementwise.columnSums(2, 3, m, sums);
        assertArrayEquals(new double[] {25, 47, 69}, sums, 0.0);
        assertEquals(141, Elementwise.sum(6, m), 0.0);
        assertEquals(11 * 11 + 22 * 22 + 33 * 33 + 14 * 14 + 25 * 25 + 36 * 36, Elementwise.sumSquares(6, m), 0.0);
        assertEquals(36, Elementwise.max(6, m), 0.0);
        assertEquals(5, Elementwise.argmax(6, m));
        assertTrue(Double.isNaN(Elementwise.max(3, new double[] {1, Double.NaN, 2})));
        double[] sym = {1, 0, 2, 3};
        Elementwise.mirrorLower(2, sym, 0, 2);
        assertArrayEquals(new double[] {1, 2, 2, 3}, sym, 0.0);
        double[] block = {Double.NaN, 1, 7, 2, 3, 7};
        Elementwise.scaleMatrix(2, 2, 0.0, block, 0, 3);
        assertArrayEquals(new double[] {0, 0, 7, 0, 0, 7}, block, 0.0);
        float[] f = new float[2];
        Elementwise.toFloat(2, new double[] {0.5, 1.5}, f);
        assertArrayEquals(new float[] {0.5f, 1.5f}, f, 0f);
    }
}
