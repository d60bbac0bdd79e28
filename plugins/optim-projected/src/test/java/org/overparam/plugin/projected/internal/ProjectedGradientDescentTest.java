package org.overparam.plugin.projected.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Component;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Params;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.FakeContext;
import org.overparam.testkit.Quadratic;

/** {@code projected-gd}: hand-computed iterates on a quadratic in a ball, the KKT residual, the unconstrained case. */
class ProjectedGradientDescentTest {
    private final ProjectedGradientDescent pgd = new ProjectedGradientDescent();

    /** F = 1/2 w^T A w - b^T w, A = [[2, 1], [1, 4]], b = (3, 4), w0 = 0, lr 1/8, the unit ball around 0. */
    private static FakeContext inUnitBall() {
        Quadratic q = new Quadratic(new double[][] {{2, 1}, {1, 4}}, new double[] {3, 4});
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.125)));
        Config ball = Config.of(Map.of("radius", 1.0, "center", "zero"));
        boolean[] all = {true};
        Params reference = ctx.initial();
        ctx.projection = p -> new BallConstraint().project(ball, reference, all, p);
        return ctx;
    }

    /**
     * Steps 0 and 1 stay inside (dyadic, exact): (0.375, 0.5), (0.59375, 0.703125); step 2's gradient
     * step (0.732421875, 0.77734375) has norm 1.0680379715359272 and is scaled back onto the sphere.
     */
    @Test
    void threeStepsGiveTheHandComputedIterates() {
        FakeContext ctx = inUnitBall();
        double n3 = Math.hypot(0.732421875, 0.77734375);
        double[][] w = {{0.375, 0.5}, {0.59375, 0.703125}, {0.732421875 / n3, 0.77734375 / n3}};
        double[] loss = {0, -2.296875, -2.8349609375};
        double[] kkt = {5.0, Math.hypot(0.21875, 0.203125) / 0.125, Math.hypot(0.59375 - w[2][0], 0.703125 - w[2][1]) / 0.125};
        for (int t = 0; t < 3; t++) {
            assertEquals(loss[t], pgd.step(ctx), 0);
            assertArrayEquals(w[t], ctx.params().block(0), 1e-15, "w_" + (t + 1));
            assertEquals(kkt[t], ctx.reports.get("kkt_residual"), 1e-14, "kkt at step " + t);
            ctx.step++;
        }
        assertEquals(1.0, ctx.params().norm(), 1e-15);
    }

    /**
     * The KKT residual falls to zero at the constrained minimizer, where w is on the sphere and
     * -grad F(w) points outward along w (a nonnegative multiplier).
     */
    @Test
    void kktResidualVanishesAtTheConstrainedMinimizer() {
        FakeContext ctx = inUnitBall();
        ctx.run(pgd, 300);
        assertTrue(ctx.reports.get("kkt_residual") < 1e-12, "residual " + ctx.reports.get("kkt_residual"));
        Params w = ctx.params();
        Params g = w.zerosLike();
        ctx.oracle().gradient(w, null, g);
        double cos = -g.dot(w) / (g.norm() * w.norm());
        assertEquals(1.0, cos, 1e-12, "-grad F parallel to w");
        assertEquals(1.0, w.norm(), 1e-15);
    }

    @Test
    void withoutConstraintsItIsGradientDescentAndTheResidualIsTheGradientNorm() {
        Quadratic q = new Quadratic(new double[][] {{2, 1}, {1, 4}}, new double[] {1, 2});
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.125)));
        ctx.run(pgd, 3);
        assertArrayEquals(new double[] {0.220703125, 0.40625}, ctx.params().block(0), 0, "gd's hand-computed w_3");
        assertEquals(ctx.reports.get("grad_norm"), ctx.reports.get("kkt_residual"), 1e-15);
    }

    @Test
    void parametersAreCheckedAndDefaultsPassTheirSchema() {
        ParamSpec lr = ParamSpec.of(ProjectedGradientDescent.Settings.class).stream().filter(p -> p.name().equals("lr")).findFirst().orElseThrow();
        assertEquals("value 0.0 is out of range (0, inf)", assertThrows(InvalidInputException.class, () -> lr.check("lr", 0.0)).getMessage(),
                "refused by the schema before the component runs");
        for (Component c : List.<Component>of(pgd, new BallConstraint(), new NeuronNormConstraint())) {
            for (ParamSpec p : ParamSpec.of(c.configType())) {
                assertFalse(p.description().isBlank(), p.name());
                assertFalse(p.required(), p.name());
                assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), p.name());
            }
        }
    }
}
