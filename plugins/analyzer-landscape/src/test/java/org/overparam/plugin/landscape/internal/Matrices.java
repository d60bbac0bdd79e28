package org.overparam.plugin.landscape.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/** Seeded test matrices and layouts. */
final class Matrices {
    private Matrices() {
    }

    /** @return {@code W1 [4, 5]} (INPUT), {@code b1 [4]} (BIAS), {@code W2 [2, 4]} (OUTPUT): 32 values */
    static Layout smallNet() {
        return new Layout(List.of(BlockSpec.of("W1", Shape.of(4, 5), BlockRole.INPUT, 5),
                BlockSpec.of("b1", Shape.of(4), BlockRole.BIAS, 1),
                BlockSpec.of("W2", Shape.of(2, 4), BlockRole.OUTPUT, 4)));
    }

    /** @return a random symmetric P x P matrix with N(0, 1) entries on and above the diagonal */
    static double[] symmetric(int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double v = gaussian(r);
                a[i * p + j] = v;
                a[j * p + i] = v;
            }
        }
        return a;
    }

    /** @return {@code B B^T / P + 0.1 I} with B Gaussian: symmetric positive definite */
    static double[] spd(int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = new double[p * p];
        for (int i = 0; i < b.length; i++) {
            b[i] = gaussian(r);
        }
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += b[i * p + k] * b[j * p + k];
                }
                a[i * p + j] = s / p + (i == j ? 0.1 : 0);
            }
        }
        return a;
    }

    /** @return the diagonal matrix of d */
    static double[] diagonal(double[] d) {
        double[] a = new double[d.length * d.length];
        for (int i = 0; i < d.length; i++) {
            a[i * d.length + i] = d[i];
        }
        return a;
    }

    /** @return the square sub-matrix of rows and columns {@code [from, to)} */
    static double[] sub(double[] a, int p, int from, int to) {
        int m = to - from;
        double[] s = new double[m * m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, (from + i) * p + from, s, i * m, m);
        }
        return s;
    }

    /** @return seeded N(0, 1) values in every block */
    static Params gaussianPoint(Layout layout, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Params p = Params.zeros(layout);
        for (int b = 0; b < layout.count(); b++) {
            double[] v = p.block(b);
            for (int i = 0; i < v.length; i++) {
                v[i] = gaussian(r);
            }
        }
        return p;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
