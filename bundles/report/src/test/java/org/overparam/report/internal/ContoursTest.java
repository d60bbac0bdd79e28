package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Marching squares against level sets known in closed form. */
class ContoursTest {
    private static double[] grid(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -1 + 2.0 * i / (n - 1);
        }
        return g;
    }

    /**
     * A plane z = x + 2y: linear interpolation is exact, so every contour point lies on the level
     * line to rounding, and the line crosses the grid once (one segment per cell it passes).
     */
    @Test
    void aPlaneGivesItsLevelLinesExactly() {
        double[] g = grid(21);
        double[][] z = new double[g.length][g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                z[i][j] = g[j] + 2 * g[i];
            }
        }
        Contours.Line line = Contours.line(g, g, z, 0.35);
        assertTrue(line.segments() > 10, "segments " + line.segments());
        for (int k = 0; k < line.x().size(); k++) {
            if (line.y().get(k) != null) {
                assertEquals(0.35, line.x().get(k) + 2 * line.y().get(k), 1e-12);
            } else {
                assertEquals(2, k % 3, "a gap after every two points");
            }
        }
    }

    /** A paraboloid z = x^2 + y^2: the level r^2 is a circle of radius r, to the grid's resolution. */
    @Test
    void aParaboloidGivesCircles() {
        double[] g = grid(81);
        double h = g[1] - g[0];
        double[][] z = new double[g.length][g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                z[i][j] = g[j] * g[j] + g[i] * g[i];
            }
        }
        for (double r : new double[] {0.2, 0.5, 0.9}) {
            Contours.Line line = Contours.line(g, g, z, r * r);
            assertTrue(line.segments() > 8, "r " + r);
            for (int k = 0; k < line.x().size(); k++) {
                if (line.y().get(k) != null) {
                    double rho = Math.hypot(line.x().get(k), line.y().get(k));
                    assertEquals(r, rho, h * h / r, "r " + r); // chord error of linear interpolation
                }
            }
        }
        assertEquals(0, Contours.line(g, g, z, 5.0).segments(), "a level above every value");
    }

    /** Non-finite corners skip their cells; levels sit strictly between the extremes. */
    @Test
    void nonFiniteCellsAndLevels() {
        double[] g = {0, 1};
        double[][] z = {{0, 1}, {Double.NaN, 1}};
        assertEquals(0, Contours.line(g, g, z, 0.5).segments());
        double[] lv = Contours.levels(0, 10, 4);
        assertEquals(4, lv.length);
        assertEquals(2.0, lv[0], 1e-15);
        assertEquals(8.0, lv[3], 1e-15);
        z = new double[][] {{0, 1}, {1, 0}};
        Contours.Line saddle = Contours.line(g, g, z, 0.5);
        assertEquals(2, saddle.segments(), "a saddle cell gives two segments");
        assertNull(saddle.y().get(2));
    }
}
