package org.overparam.engine.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/** Dykstra's projections onto intersections in the plane whose projections are known in closed form. */
class DykstraTest {
    private static final Layout PLANE = new Layout(List.of(BlockSpec.of("x", Shape.of(2), BlockRole.INPUT, 1)));

    private static Params point(double x, double y) {
        return Params.wrap(PLANE, new double[][] {{x, y}});
    }

    /** Projection onto the disc of radius r around (cx, cy). */
    private static Consumer<Params> ball(double cx, double cy, double r) {
        return p -> {
            double[] v = p.block(0);
            double dx = v[0] - cx;
            double dy = v[1] - cy;
            double n = Math.hypot(dx, dy);
            if (n > r) {
                v[0] = cx + dx * r / n;
                v[1] = cy + dy * r / n;
            }
        };
    }

    /** Projection onto the half-plane x <= c. */
    private static Consumer<Params> leftOf(double c) {
        return p -> p.block(0)[0] = Math.min(p.block(0)[0], c);
    }

    @Test
    void ballAndHalfPlaneMeetAtTheCorner() {
        // The unit disc and x <= 0.5: (1, 1) projects to the corner (0.5, sqrt(0.75)), since (1, 1) minus
        // the corner is a positive combination of the two outward normals there.
        Params p = point(1, 1);
        int rounds = Dykstra.project(p, List.of(ball(0, 0, 1), leftOf(0.5)), Dykstra.TOLERANCE, Dykstra.MAX_ROUNDS);
        assertEquals(0.5, p.block(0)[0], 1e-10);
        assertEquals(Math.sqrt(0.75), p.block(0)[1], 1e-10);
        assertTrue(rounds < Dykstra.MAX_ROUNDS, "converged in " + rounds + " rounds");
    }

    @Test
    void ballAndHalfPlaneOnAFace() {
        // (2, 0.1) projects onto the line x = 0.5 at (0.5, 0.1), which lies inside the disc.
        Params p = point(2, 0.1);
        Dykstra.project(p, List.of(ball(0, 0, 1), leftOf(0.5)), Dykstra.TOLERANCE, Dykstra.MAX_ROUNDS);
        assertEquals(0.5, p.block(0)[0], 1e-12);
        assertEquals(0.1, p.block(0)[1], 1e-12);
    }

    @Test
    void twoDiscsMeetAtTheTopOfTheirLens() {
        // Unit discs around (0, 0) and (1.5, 0) intersect in a lens with corners (0.75, +-sqrt(1 - 0.75^2));
        // (0.75, 2) lies above the top corner, inside the normal cone there, so it projects onto it.
        // Plain alternating projections from (0.75, 2) would also land there; from (0.2, 2) they would not.
        Params p = point(0.75, 2);
        Dykstra.project(p, List.of(ball(0, 0, 1), ball(1.5, 0, 1)), Dykstra.TOLERANCE, Dykstra.MAX_ROUNDS);
        assertEquals(0.75, p.block(0)[0], 1e-10);
        assertEquals(Math.sqrt(1 - 0.5625), p.block(0)[1], 1e-10);
    }

    @Test
    void nearestPointDiffersFromAlternatingProjections() {
        // The disc and x <= 0.5 from (3, 0.2): the nearest feasible point is (0.5, 0.2). Alternating
        // projections go disc first to (0.998, 0.0665) and then to (0.5, 0.0665): feasible, but not the nearest.
        Params p = point(3, 0.2);
        Dykstra.project(p, List.of(ball(0, 0, 1), leftOf(0.5)), Dykstra.TOLERANCE, Dykstra.MAX_ROUNDS);
        assertEquals(0.5, p.block(0)[0], 1e-10);
        assertEquals(0.2, p.block(0)[1], 1e-10);
    }

    @Test
    void feasiblePointStaysAndOneSetProjectsOnce() {
        Params inside = point(0.1, -0.2);
        assertEquals(1, Dykstra.project(inside, List.of(ball(0, 0, 1), leftOf(0.5)), 1e-12, 1000));
        assertEquals(0.1, inside.block(0)[0], 0.0);
        assertEquals(-0.2, inside.block(0)[1], 0.0);
        Params far = point(3, 4);
        assertEquals(1, Dykstra.project(far, List.of(ball(0, 0, 1)), 1e-12, 1000));
        assertEquals(0.6, far.block(0)[0], 1e-15);
        assertEquals(0.8, far.block(0)[1], 1e-15);
        assertEquals(0, Dykstra.project(far, List.of(), 1e-12, 1000));
    }
}
