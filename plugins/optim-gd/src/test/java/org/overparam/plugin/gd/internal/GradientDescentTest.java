package org.overparam.plugin.gd.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Params;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.FakeContext;
import org.overparam.testkit.Quadratic;
import org.overparam.testkit.SchemaCheck;

/** {@code gd} on quadratics: exact iterates, the linear rate, and its parameter's range. */
class GradientDescentTest {
    private final GradientDescent gd = new GradientDescent();

    @Test
    void threeStepsGiveTheHandComputedIterates() {
        // A = [[2, 1], [1, 4]], b = [1, 2], lr = 1/8, w0 = 0: every value is dyadic, so exact.
        Quadratic q = new Quadratic(new double[][] {{2, 1}, {1, 4}}, new double[] {1, 2});
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.125)));
        double[][] expected = {{0.125, 0.25}, {0.1875, 0.359375}, {0.220703125, 0.40625}};
        double[] losses = {0, -0.453125, -0.54541015625};
        for (int t = 0; t < 3; t++) {
            assertEquals(losses[t], gd.step(ctx), 0);
            assertArrayEquals(expected[t], ctx.params().block(0), 0);
        }
        assertEquals(3, q.sampleGradients());
        assertEquals(Math.hypot(0.265625, 0.375), ctx.reports.get("grad_norm"), 0);
    }

    @Test
    void scheduleFactorMultipliesTheRate() {
        Quadratic q = new Quadratic(new double[][] {{2, 1}, {1, 4}}, new double[] {1, 2});
        FakeContext ctx = new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.25)));
        ctx.schedule = 0.5;
        gd.step(ctx);
        assertArrayEquals(new double[] {0.125, 0.25}, ctx.params().block(0), 0);
    }

    /**
     * With eigenvalues 1, 3, 10 of A and lr = 1/10 or 2/11, {@code ||w_t - w*|| <= rho^t ||w_0 - w*||}
     * with {@code rho = max |1 - lr lambda_i|} (0.9 and 9/11); GD must be within 1e-10 of w* after
     * {@code ceil(log(||w_0 - w*|| / 1e-10) / log(1 / rho))} steps.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 2.0 / 11})
    void reachesTheMinimizerWithinTheTheoreticalNumberOfSteps(double lr) {
        double[] lambda = {1, 3, 10};
        double[][] rot = rotation(0.3, 0.7);
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int e = 0; e < 3; e++) {
                    a[i][j] += rot[i][e] * lambda[e] * rot[j][e];
                }
            }
        }
        double[] wStar = {1.5, -2, 0.25};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i][j] * wStar[j];
            }
        }
        Quadratic q = new Quadratic(a, b);
        FakeContext ctx = new FakeContext(q.point(0, 0, 0), q, Config.of(Map.of("lr", lr)));
        double rho = Math.max(Math.abs(1 - lr * lambda[0]), Math.abs(1 - lr * lambda[2]));
        Params star = q.point(wStar);
        double e0 = ctx.params().copy().axpy(-1, star).norm();
        long steps = (long) Math.ceil(Math.log(e0 / 1e-10) / Math.log(1 / rho));
        for (long t = 0; t < steps; t++) {
            ctx.step = t;
            gd.step(ctx);
        }
        double err = ctx.params().copy().axpy(-1, star).norm();
        assertTrue(err < 1e-10, "after " + steps + " steps the error is " + err);
        assertTrue(q.loss(ctx.params(), null) - q.loss(star, null) < 1e-18);
    }

    /**
     * kappa = 100 (eigenvalues 1, 10, 100), eta = 1/L: the error falls as (1 - 1/kappa)^t; the
     * least-squares slope of log ||w_t - w*|| over steps 750..1499 must be within 1% of log(0.99).
     */
    @Test
    void rateAtOneOverLIsOneMinusOneOverKappa() {
        double[] lambda = {1, 10, 100};
        double[][] rot = rotation(0.4, 1.1);
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int e = 0; e < 3; e++) {
                    a[i][j] += rot[i][e] * lambda[e] * rot[j][e];
                }
            }
        }
        double[] wStar = {1, -1, 2};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i][j] * wStar[j];
            }
        }
        Quadratic q = new Quadratic(a, b);
        FakeContext ctx = new FakeContext(q.point(0, 0, 0), q, Config.of(Map.of("lr", 0.01)));
        Params star = q.point(wStar);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int t = 0; t < 1500; t++) {
            if (t >= 750) {
                double y = Math.log(ctx.params().copy().axpy(-1, star).norm());
                sx += t;
                sy += y;
                sxx += (double) t * t;
                sxy += t * y;
                count++;
            }
            ctx.step = t;
            gd.step(ctx);
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        assertEquals(Math.log(0.99), slope, 0.01 * Math.abs(Math.log(0.99)), "fitted log-rate " + slope);
    }

    @Test
    void learningRateMustBePositive() {
        ParamSpec lr = ParamSpec.of(GradientDescent.Settings.class).get(0);
        assertEquals("lr", lr.name());
        assertEquals(0.0, lr.min());
        assertTrue(lr.minExclusive());
        assertEquals(0.1, lr.defaultValue());
        assertEquals("value 0.0 is out of range (0, inf)",
                assertThrows(InvalidInputException.class, () -> lr.check("optimizer.lr", 0.0)).getMessage());
        assertEquals("value Infinity is not a finite number in (0, inf)", assertThrows(InvalidInputException.class,
                () -> lr.check("optimizer.lr", Double.POSITIVE_INFINITY)).getMessage());
    }

    @Test
    void constantScheduleIsOne() {
        ConstantSchedule s = new ConstantSchedule();
        assertEquals(1.0, s.factor(Config.empty(), 0, 10), 0);
        assertEquals(1.0, s.factor(Config.empty(), 9, 10), 0);
        assertEquals(0, ParamSpec.of(s.configType()).size());
    }

    /** A rotation of R^3: about z by a, then about x by b. */
    private static double[][] rotation(double a, double b) {
        double[][] rz = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, Math.cos(b), -Math.sin(b)}, {0, Math.sin(b), Math.cos(b)}};
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int e = 0; e < 3; e++) {
                    r[i][j] += rx[i][e] * rz[e][j];
                }
            }
        }
        return r;
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new GradientDescent(), new ConstantSchedule(), new StepSchedule(),
                new CosineSchedule(), new WarmupSchedule());
    }
}
