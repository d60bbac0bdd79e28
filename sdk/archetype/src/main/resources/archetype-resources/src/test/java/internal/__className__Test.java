package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Params;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.FakeContext;
import org.overparam.testkit.Quadratic;
import org.overparam.testkit.SchemaCheck;

/**
 * {@code ${componentName}} on the quadratic {@code F(w) = 1/2 w^T A w - b^T w} with {@code A = [[2, 1], [1, 4]]},
 * {@code b = [1, 2]}, minimizer {@code w* = (2/7, 3/7)}: exact iterates, the clipped step, convergence, and
 * the parameters' metadata.
 */
class ${className}Test {
    private final ${className} optimizer = new ${className}();
    private final Quadratic q = new Quadratic(new double[][] {{2, 1}, {1, 4}}, new double[] {1, 2});

    @Test
    void shortGradientsGiveGradientDescentsExactIterates() {
        // lr = 1/8 from w0 = 0: every value is dyadic, so the iterates are exact.
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.125, "clip", 100.0)));
        double[][] expected = {{0.125, 0.25}, {0.1875, 0.359375}, {0.220703125, 0.40625}};
        double[] losses = {0, -0.453125, -0.54541015625};
        for (int t = 0; t < 3; t++) {
            ctx.step = t;
            assertEquals(losses[t], optimizer.step(ctx), 0);
            assertArrayEquals(expected[t], ctx.params().block(0), 0);
        }
        assertEquals(0.0, ctx.reports.get("clipped"), 0);
        assertEquals(Math.hypot(0.265625, 0.375), ctx.reports.get("grad_norm"), 0);
        assertEquals(3, q.sampleGradients());
    }

    @Test
    void aLongGradientIsScaledDownToTheClip() {
        // At w0 = 0 the gradient is (-1, -2), of norm sqrt(5) > clip = 0.5: the step is lr * clip long.
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 1.0, "clip", 0.5)));
        optimizer.step(ctx);
        double[] w = ctx.params().block(0);
        assertEquals(0.5, Math.hypot(w[0], w[1]), 1e-15, "step length lr * clip");
        assertEquals(0.5 / Math.sqrt(5), w[0], 1e-15);
        assertEquals(1.0 / Math.sqrt(5), w[1], 1e-15);
        assertEquals(1.0, ctx.reports.get("clipped"), 0);
        assertEquals(Math.sqrt(5), ctx.reports.get("grad_norm"), 1e-15);
    }

    @Test
    void fromFarAwayItReachesTheMinimizer() {
        // Clipped steps of length lr * clip = 0.25 bring w within reach, then GD's linear rate
        // max |1 - lr * lambda| = 0.82 (lambda = 3 -+ sqrt(2)) takes over.
        FakeContext ctx = new FakeContext(q.point(30, -40), q, Config.of(Map.of("lr", 0.25, "clip", 1.0)));
        for (int t = 0; t < 400; t++) {
            ctx.step = t;
            optimizer.step(ctx);
        }
        Params star = q.point(2.0 / 7, 3.0 / 7);
        double error = ctx.params().copy().axpy(-1, star).norm();
        assertTrue(error < 1e-12, "distance to the minimizer " + error);
    }

    @Test
    void parametersAreDocumentedBoundedAndChecked() {
        SchemaCheck.assertDocumentedWithValidDefaults(optimizer);
        List<ParamSpec> params = ParamSpec.of(optimizer.configType());
        assertEquals(List.of("clip", "lr"), params.stream().map(ParamSpec::name).toList());
        for (ParamSpec p : params) {
            assertEquals("(0, inf)", p.range(), p.name());
            assertThrows(InvalidInputException.class, () -> p.check("optimizer." + p.name(), 0.0));
            assertThrows(InvalidInputException.class,
                    () -> p.check("optimizer." + p.name(), Double.POSITIVE_INFINITY), "finite, checked for us");
        }
    }
}
