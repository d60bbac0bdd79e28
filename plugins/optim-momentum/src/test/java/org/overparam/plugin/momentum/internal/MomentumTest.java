package org.overparam.plugin.momentum.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.FakeContext;
import org.overparam.testkit.Quadratic;

/** {@code heavy-ball} and {@code nesterov}: exact iterates, rates against theory, auto tuning, state rules. */
class MomentumTest {
    private final HeavyBall heavyBall = new HeavyBall();
    private final Nesterov nesterov = new Nesterov();

    /** A = [[2, 1], [1, 4]], b = [1, 2], w0 = 0, eta = 1/8, beta = 1/2: dyadic, so every value is exact. */
    private static FakeContext small() {
        Quadratic q = new Quadratic(new double[][] {{2, 1}, {1, 4}}, new double[] {1, 2});
        return new FakeContext(q.point(0, 0), q, Config.of(Map.of("lr", 0.125, "momentum", 0.5)));
    }

    @Test
    void bothKeepTwoVectorsOfStateForTheMemoryEstimate() {
        assertEquals(2_000, new HeavyBall().stateValues(Config.empty(), 1_000));
        assertEquals(2_000, new Nesterov().stateValues(Config.empty(), 1_000));
        assertThrows(ArithmeticException.class, () -> new Nesterov().stateValues(Config.empty(), Long.MAX_VALUE / 2 + 1));
    }

    @Test
    void heavyBallThreeStepsGiveTheHandComputedIterates() {
        FakeContext ctx = small();
        double[][] w = {{0.125, 0.25}, {0.25, 0.484375}, {0.314453125, 0.578125}};
        double[] loss = {0, -0.453125, -0.56591796875};
        for (int t = 0; t < 3; t++) {
            assertEquals(loss[t], heavyBall.step(ctx), 0, "loss at w_" + t);
            assertArrayEquals(w[t], ctx.params().block(0), 0, "w_" + (t + 1));
            ctx.step++;
        }
        assertArrayEquals(new double[] {0.064453125, 0.09375}, ctx.state().params("velocity", ctx.params().layout())
                .block(0), 0, "velocity = w_3 - w_2");
        assertEquals(3.0, ctx.state().scalar("velocity_step", -1), 0);
    }

    @Test
    void nesterovThreeStepsGiveTheHandComputedIterates() {
        FakeContext ctx = small();
        double[][] w = {{0.125, 0.25}, {0.21875, 0.4140625}, {0.26220703125, 0.46484375}};
        double[] loss = {0, -0.55078125, -0.563262939453125};
        for (int t = 0; t < 3; t++) {
            assertEquals(loss[t], nesterov.step(ctx), 0, "loss at the look-ahead y_" + t);
            assertArrayEquals(w[t], ctx.params().block(0), 0, "w_" + (t + 1));
            ctx.step++;
        }
        assertEquals(3, ((Quadratic) ctx.oracle()).sampleGradients(), "one gradient per step");
        assertEquals(0.125, ctx.reports.get("lr"), 0);
        assertEquals(0.5, ctx.reports.get("momentum"), 0);
    }

    /**
     * kappa = 100, eta = 1/L, beta = (sqrt(kappa) - 1) / (sqrt(kappa) + 1) = 9/11: the error falls as
     * (A + B t) (1 - 1/sqrt(kappa))^t (a double root); the log-rate fitted with the log t term over
     * steps 130..259 must be within 2% of log(0.9).
     */
    @Test
    void nesterovRateIsOneMinusOneOverSqrtKappa() {
        Kappa k = new Kappa(100);
        double beta = (Math.sqrt(100) - 1) / (Math.sqrt(100) + 1);
        double[] e = k.errors(nesterov, k.start(Config.of(Map.of("lr", 0.01, "momentum", beta))), 260);
        double fitted = RateFit.logRate(e, 130, 260, true);
        assertEquals(Math.log(1 - 1 / Math.sqrt(100)), fitted, 0.02 * Math.abs(Math.log(0.9)), "fitted " + fitted);
    }

    /**
     * kappa = 100, Polyak's optimal eta = 4 / (sqrt(L) + sqrt(mu))^2 and beta = ((sqrt(kappa) - 1) /
     * (sqrt(kappa) + 1))^2: rate (sqrt(kappa) - 1) / (sqrt(kappa) + 1) = 9/11; fitted log-rate over steps
     * 75..149 (with the log t term of the double roots) within 2%.
     */
    @Test
    void heavyBallRateIsPolyaks() {
        Kappa k = new Kappa(100);
        double rho = 9.0 / 11;
        double[] e = k.errors(heavyBall, k.start(Config.of(Map.of("lr", 4.0 / 121, "momentum", rho * rho))), 150);
        double fitted = RateFit.logRate(e, 75, 150, true);
        assertEquals(Math.log(rho), fitted, 0.02 * Math.abs(Math.log(rho)), "fitted " + fitted);
    }

    /** Momentum 0 is gradient descent, whose rate at eta = 1/L is 1 - 1/kappa: fitted over steps 750..1499 within 2%. */
    @Test
    void withoutMomentumBothAreGradientDescent() {
        Kappa k = new Kappa(100);
        for (Optimizer o : List.of(nesterov, heavyBall)) {
            double[] e = k.errors(o, k.start(Config.of(Map.of("lr", 0.01, "momentum", 0.0))), 1500);
            double fitted = RateFit.logRate(e, 750, 1500, false);
            assertEquals(Math.log(0.99), fitted, 0.02 * Math.abs(Math.log(0.99)), "fitted " + fitted);
        }
        FakeContext a = small();
        a.config = Config.of(Map.of("lr", 0.125, "momentum", 0.0));
        a.run(nesterov, 3);
        Params w = small().params();
        Quadratic q = (Quadratic) a.oracle();
        for (int t = 0; t < 3; t++) {
            Params g = w.zerosLike();
            q.gradient(w, null, g);
            w.axpy(-0.125 * 1.0, g);
        }
        assertArrayEquals(w.block(0), a.params().block(0), 0, "bitwise gd's update");
    }

    @Test
    void curvatureComesFromTheLossScaleBitForBitAsFromTheOldStrings() {
        FakeContext ctx = small();
        int n = Math.max(1, ctx.oracle().sampleCount());
        for (boolean half : new boolean[] {true, false}) {
            for (String reduction : List.of("sum", "mean")) {
                ctx.others.put(ComponentKind.LOSS, Config.of(Map.of("half", half, "reduction", reduction)));
                double old = 2 * (half ? 0.5 : 1.0) * ("mean".equals(reduction) ? 1.0 / n : 1.0);
                assertEquals(old, Tuning.curvature(ctx), 0, half + " " + reduction);
            }
        }
        ctx.others.remove(ComponentKind.LOSS);
        assertEquals(1.0, Tuning.curvature(ctx), 0, "no loss parameters: squared's defaults, half the sum");
    }

    @Test
    void autoSetsEtaAndBetaFromTheMeasuredSpectrum() {
        Kappa k = new Kappa(100);
        FakeContext auto = k.start(Config.of(Map.of("auto", true, "lr", 1e-6, "momentum", 0.0)));
        auto.metrics.put("ntk.lambda_max", 100.0);
        auto.metrics.put("ntk.lambda_min", 1.0);
        double beta = (1 - 1 / Math.sqrt(100.0)) / (1 + 1 / Math.sqrt(100.0));
        FakeContext given = k.start(Config.of(Map.of("lr", 1 / (1.0 * 100.0), "momentum", beta)));
        auto.run(nesterov, 50);
        given.run(nesterov, 50);
        assertArrayEquals(given.params().block(0), auto.params().block(0), 0);
        assertEquals(0.01, auto.reports.get("lr"), 0);
        assertEquals(beta, auto.reports.get("momentum"), 0);
        assertEquals(1.0, auto.reports.get("auto"), 0);

        auto.others.put(ComponentKind.LOSS, Config.of(Map.of("half", false, "reduction", "mean")));
        nesterov.step(auto);
        assertEquals(1 / (2.0 * 100), auto.reports.get("lr"), 0, "F = (1/n) sum (f - y)^2 has curvature 2/n K, n = 1");
        auto.config = auto.config.with("label", "kernel").with("lrFactor", 0.5).with("c", 20.0);
        auto.metrics.put("kernel.lambda_max", 400.0);
        auto.metrics.put("kernel.lambda_min", 1.0);
        heavyBall.step(auto);
        assertEquals(0.5 / (2.0 * 400), auto.reports.get("lr"), 0);
        assertEquals(0.0, auto.reports.get("momentum"), 0, "c >= sqrt(kappa): no momentum");
    }

    @Test
    void autoFallsBackAtStepZeroAndFailsLaterWithoutAMeasurement() {
        FakeContext ctx = small();
        ctx.config = ctx.config.with("auto", true);
        nesterov.step(ctx);
        assertEquals(0.0, ctx.reports.get("auto"), 0);
        assertEquals(0.125, ctx.reports.get("lr"), 0);
        assertArrayEquals(new double[] {0.125, 0.25}, ctx.params().block(0), 0);
        ctx.step = 1;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> heavyBall.step(ctx));
        assertEquals("auto", e.where());
        assertTrue(e.getMessage().startsWith("no metric 'ntk.lambda_max' and 'ntk.lambda_min' has been recorded by step 1"),
                e.getMessage());
        ctx.metrics.put("ntk.lambda_max", 3.0);
        ctx.metrics.put("ntk.lambda_min", 0.0);
        assertEquals("auto", assertThrows(InvalidInputException.class, () -> nesterov.step(ctx)).where());
    }

    /** Run k steps, copy the state, the point and the stream, continue in a fresh context: bitwise the same. */
    @Test
    void stateExportAndImportContinueBitwise() {
        for (Optimizer o : List.of(nesterov, heavyBall)) {
            Kappa k = new Kappa(30);
            Config c = Config.of(Map.of("lr", 0.02, "momentum", 0.7));
            FakeContext whole = k.start(c);
            whole.run(o, 17);
            FakeContext first = k.start(c);
            first.run(o, 7);
            State saved = first.state().copy();
            RandomStream r = RandomStream.restore(first.random().seed(), first.random().position());
            FakeContext rest = new FakeContext(first.params().copy(), k.quadratic, c, saved, r);
            rest.step = 7;
            rest.run(o, 10);
            assertArrayEquals(whole.params().block(0), rest.params().block(0), 0, o.getClass().getSimpleName());
            assertArrayEquals(whole.state().params("velocity", whole.params().layout()).block(0),
                    rest.state().params("velocity", rest.params().layout()).block(0), 0);
        }
    }

    @Test
    void switchingKeepsAFreshVelocityAndDropsAStaleOne() {
        FakeContext hb = small();
        hb.run(heavyBall, 2);
        Params v = hb.state().params("velocity", hb.params().layout()).copy();
        Params expected = hb.params().copy().axpy(0.5, v);
        Params g = expected.zerosLike();
        hb.oracle().gradient(expected, null, g);
        expected.axpy(-0.125, g);
        nesterov.step(hb);
        assertArrayEquals(expected.block(0), hb.params().block(0), 0, "heavy ball -> Nesterov keeps the velocity");

        FakeContext stale = small();
        stale.run(heavyBall, 2);
        stale.step = 3;
        Params w = stale.params().copy();
        g = w.zerosLike();
        stale.oracle().gradient(w, null, g);
        w.axpy(-0.125, g);
        nesterov.step(stale);
        assertArrayEquals(w.block(0), stale.params().block(0), 0,
                "a velocity not written by the previous step (gd took step 2) counts as zero");
    }

    @Test
    void parametersAreCheckedAndDefaultsPassTheirSchema() {
        FakeContext ctx = small();
        ParamSpec momentum = ParamSpec.of(MomentumConfig.class).stream().filter(p -> p.name().equals("momentum")).findFirst().orElseThrow();
        assertEquals("value 1.0 is out of range [0, 1)", assertThrows(InvalidInputException.class, () -> momentum.check("momentum", 1.0)).getMessage(),
                "refused by the schema before the component runs");
        ctx.config = Config.of(Map.of("auto", true, "label", " "));
        assertEquals("label", assertThrows(InvalidInputException.class, () -> heavyBall.step(ctx)).where(),
                "auto without a label: a check of two parameters, the component's own");
        for (Optimizer o : List.of(nesterov, heavyBall)) {
            for (ParamSpec p : ParamSpec.of(o.configType())) {
                assertFalse(p.description().isBlank(), p.name());
                assertFalse(p.required(), p.name());
                assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), p.name());
            }
        }
    }
}
