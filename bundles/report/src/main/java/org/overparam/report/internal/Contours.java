package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a function sampled on a grid, by marching squares: in each cell, the level
 * crosses the edges whose two corners lie on opposite sides of it, at the point found by linear
 * interpolation along the edge; those crossings are joined pairwise into segments. A saddle cell
 * (four crossings) is resolved by the value at its centre (the mean of its corners). Cells with a
 * non-finite corner are skipped. The segments are returned as one polyline per level with a
 * {@code null} ordinate between segments (its abscissa repeats the last one), which XChart draws
 * as a gap.
 */
final class Contours {
    /**
     * One level's line.
     *
     * @param level the value
     * @param x abscissae (columns); between segments the last one again
     * @param y ordinates (rows), {@code null} between segments
     */
    record Line(double level, List<Double> x, List<Double> y) {
        /** @return the number of segments */
        int segments() {
            return (x.size() + 1) / 3;
        }
    }

    private Contours() {
    }

    /**
     * @param x column coordinates, increasing
     * @param y row coordinates, increasing
     * @param z values, {@code z[row][column]}
     * @param level the level
     * @return its contour line (no segments if the level is not crossed)
     */
    static Line line(double[] x, double[] y, double[][] z, double level) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i + 1 < y.length; i++) {
            for (int j = 0; j + 1 < x.length; j++) {
                double z00 = z[i][j];
                double z01 = z[i][j + 1];
                double z10 = z[i + 1][j];
                double z11 = z[i + 1][j + 1];
                if (!(Double.isFinite(z00) && Double.isFinite(z01) && Double.isFinite(z10) && Double.isFinite(z11))) {
                    continue;
                }
                // crossings on the edges bottom (i, j..j+1), right (j+1, i..i+1), top (i+1), left (j)
                double[] px = new double[4];
                double[] py = new double[4];
                int n = 0;
                if (crosses(z00, z01, level)) {
                    px[n] = at(x[j], x[j + 1], z00, z01, level);
                    py[n++] = y[i];
                }
                if (crosses(z01, z11, level)) {
                    px[n] = x[j + 1];
                    py[n++] = at(y[i], y[i + 1], z01, z11, level);
                }
                if (crosses(z11, z10, level)) {
                    px[n] = at(x[j + 1], x[j], z11, z10, level);
                    py[n++] = y[i + 1];
                }
                if (crosses(z10, z00, level)) {
                    px[n] = x[j];
                    py[n++] = at(y[i + 1], y[i], z10, z00, level);
                }
                if (n == 2) {
                    segment(xs, ys, px[0], py[0], px[1], py[1]);
                } else if (n == 4) {
                    // saddle: the centre's side decides which corners the line separates
                    boolean centreAbove = (z00 + z01 + z10 + z11) / 4 >= level;
                    boolean firstAbove = z00 >= level;
                    if (centreAbove == firstAbove) {
                        segment(xs, ys, px[0], py[0], px[1], py[1]);
                        segment(xs, ys, px[2], py[2], px[3], py[3]);
                    } else {
                        segment(xs, ys, px[0], py[0], px[3], py[3]);
                        segment(xs, ys, px[1], py[1], px[2], py[2]);
                    }
                }
            }
        }
        return new Line(level, xs, ys);
    }

    /**
     * @param lo the smallest value
     * @param hi the largest value
     * @param count how many levels
     * @return {@code count} levels evenly spaced strictly inside {@code (lo, hi)}
     */
    static double[] levels(double lo, double hi, int count) {
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = lo + (hi - lo) * (k + 1) / (count + 1);
        }
        return out;
    }

    /** The level lies between a and b: one at or above it, the other below. */
    private static boolean crosses(double a, double b, double level) {
        return (a >= level) != (b >= level);
    }

    /** Where the linear interpolation from (p, a) to (q, b) takes the value level. */
    private static double at(double p, double q, double a, double b, double level) {
        return p + (q - p) * (level - a) / (b - a);
    }

    private static void segment(List<Double> xs, List<Double> ys, double x0, double y0, double x1, double y1) {
        if (!xs.isEmpty()) {
            xs.add(xs.get(xs.size() - 1));
            ys.add(null);
        }
        xs.add(x0);
        ys.add(y0);
        xs.add(x1);
        ys.add(y1);
    }
}
