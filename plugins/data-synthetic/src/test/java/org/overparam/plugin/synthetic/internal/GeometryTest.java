package org.overparam.plugin.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.overparam.api.RandomStream;

/** The cap probabilities, the easy delta and the minimum-distance kernel against closed forms. */
class GeometryTest {
    @Test
    void capProbabilitiesMatchTheCircleAndTheTwoSphere() {
        for (double t = 0.1; t < 2; t += 0.3) {
            double theta = 2 * Math.asin(t / 2);
            assertEquals(theta / Math.PI, Feasibility.closerThan(t, 2), 1e-12);
            assertEquals((1 - Math.cos(theta)) / 2, Feasibility.closerThan(t, 3), 1e-12);
        }
        assertEquals(1.0, Feasibility.closerThan(2, 50), 0);
    }

    @Test
    void easyDeltaSolvesTheUnionBound() {
        Sphere s = new Sphere(3, Double.NaN);
        double t = Feasibility.easyDelta(101, s);
        assertEquals(0.5, 100 * Feasibility.closerThan(t, 3), 1e-9);
        Sphere fixed = new Sphere(4, Math.sqrt(0.5));
        assertEquals(Math.sqrt(0.5) * t, Feasibility.easyDelta(101, fixed), 1e-12);
    }

    @Test
    void panelsAndFullGramGiveTheBruteForceMinimum() {
        int n = 300;
        int d = 5;
        double[] x = new double[n * d];
        RandomStream.of(13).fillGaussian(x, 1.0);
        double ref = SphereDatasetTest.bruteForceMinDistance(x, n, d);
        assertEquals(ref, MinDistance.of(x, n, d), 1e-12);
        assertEquals(ref, MinDistance.of(x, n, d, 100), 1e-12);
    }
}
