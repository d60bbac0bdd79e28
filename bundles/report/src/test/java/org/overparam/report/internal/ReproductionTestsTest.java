package org.overparam.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.overparam.api.InvalidInputException;

/**
 * The statistics behind the reproduction verdicts on curves whose answer is known: a loss linear on a
 * log scale passes and one that plateaus fails; a power law m^-1/2 passes the exponent band and m^-1
 * fails; bounds, ratios (also at equal budgets and over sqrt(kappa)) and open intervals.
 */
class ReproductionTestsTest {

    @Test
    void aLineIsFittedExactlyWithRSquaredOne() {
        LineFit f = LineFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertEquals(2, f.slope(), 1e-15);
        assertEquals(1, f.intercept(), 1e-15);
        assertEquals(1, f.r2(), 1e-15);
        assertEquals(-0.5, LineFit.logLog(new double[] {1, 4, 16}, new double[] {1, 0.5, 0.25}).slope(), 1e-15);
        assertNull(LineFit.of(new double[] {2, 2}, new double[] {1, 3}));
        // y = x^2 on [-1, 1]: no linear trend, R^2 = 0
        LineFit q = LineFit.of(new double[] {-1, 0, 1}, new double[] {1, 0, 1});
        assertEquals(0, q.slope(), 1e-15);
        assertEquals(0, q.r2(), 1e-15);
    }

    @Test
    void aLossLinearOnALogScaleHoldsAndOneThatPlateausDoesNot() {
        CheckTest t = FakeRuns.test("loglinear metric=train.loss from=10 until=1e-9 r2=0.99");
        RunData linear = FakeRuns.run("A1", 1, Map.of(), 300, Map.of("train.loss", s -> Math.max(10 * Math.pow(0.9, s), 1e-14)));
        Outcome ok = t.evaluate(List.of(linear));
        assertEquals(Verdict.HOLDS, ok.verdict(), ok.numbers());
        assertTrue(ok.numbers().contains("min R^2 1 "), ok.numbers());
        // the floor below 1e-9 is cut: the window ends at the first value <= 1e-9
        LogLinearTest.Window w = LogLinearTest.window(linear.metrics().get("train.loss"), 10, 1e-9);
        assertEquals(Math.log(0.9), w.fit().slope(), 1e-12);
        assertEquals(Math.ceil(Math.log(1e-10) / Math.log(0.9)), w.steps()[w.steps().length - 1], 0);
        RunData plateau = FakeRuns.run("A1", 2, Map.of(), 300, Map.of("train.loss", s -> 1 + 10 * Math.pow(0.9, s)));
        Outcome bad = t.evaluate(List.of(linear, plateau));
        assertEquals(Verdict.DOES_NOT_HOLD, bad.verdict());
        RunData stalled = FakeRuns.run("A1", 3, Map.of(), 300, Map.of("train.loss", s -> 5.0));
        assertEquals(Verdict.DOES_NOT_HOLD, t.evaluate(List.of(stalled)).verdict(), "a flat loss has slope 0");
        RunData missing = FakeRuns.run("A1", 4, Map.of(), 10, Map.of("other", s -> 1.0));
        assertEquals(Verdict.NOT_TESTABLE, t.evaluate(List.of(missing)).verdict());
    }

    @Test
    void aNoisyLogLinearLossStillPassesAndTooFewPointsFail() {
        Random r = new Random(7);
        double[] noise = new double[201];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = Math.exp(0.05 * r.nextGaussian());
        }
        RunData noisy = FakeRuns.run("B1", 1, Map.of(), 200, Map.of("train.loss", s -> 10 * Math.pow(0.95, s) * noise[(int) s]));
        assertEquals(Verdict.HOLDS, FakeRuns.test("loglinear metric=train.loss from=10").evaluate(List.of(noisy)).verdict());
        RunData shortRun = FakeRuns.run("B1", 1, Map.of(), 12, Map.of("train.loss", s -> Math.pow(0.5, s)));
        assertEquals(Verdict.DOES_NOT_HOLD, FakeRuns.test("loglinear metric=train.loss from=10").evaluate(List.of(shortRun)).verdict(),
                "3 points are fewer than minPoints 5");
    }

    @Test
    void aPowerLawOfExponentMinusOneHalfPassesTheBandAndMinusOneFails() {
        List<RunData> half = widths((m, seed) -> (1 + 0.1 * seed) * Math.pow(m, -0.5));
        Outcome o = FakeRuns.test("exponent metric=dynamics.movement x=architecture.width in=[-0.65,-0.35]").evaluate(half);
        assertEquals(Verdict.HOLDS, o.verdict(), o.numbers());
        assertTrue(o.numbers().contains("b = -0.5 ± ") && o.numbers().contains(" over 3 seeds"), o.numbers());
        List<RunData> one = widths((m, seed) -> Math.pow(m, -1));
        assertEquals(Verdict.DOES_NOT_HOLD,
                FakeRuns.test("exponent metric=dynamics.movement x=architecture.width in=[-0.65,-0.35]").evaluate(one).verdict());
        List<RunData> flat = widths((m, seed) -> 0.3);
        assertEquals(Verdict.DOES_NOT_HOLD,
                FakeRuns.test("exponent metric=dynamics.movement x=architecture.width in=[-inf,0)").evaluate(flat).verdict(),
                "a flat metric does not fall: 0 is outside [-inf, 0)");
        List<RunData> single = List.of(FakeRuns.constant("B2", 1, Map.of("architecture", Map.of("width", 64)), "dynamics.movement", 1));
        assertEquals(Verdict.NOT_TESTABLE,
                FakeRuns.test("exponent metric=dynamics.movement x=architecture.width in=[-1,0]").evaluate(single).verdict());
    }

    @Test
    void theExponentsSpreadOverSeedsIsReported() {
        // seed s: exponent -0.4 - 0.1 (s - 2), so -0.5, -0.4, -0.3 for seeds 1..3: mean -0.4, sd 0.1
        List<RunData> runs = widths((m, seed) -> Math.pow(m, -0.4 - 0.1 * (2 - seed)));
        Outcome o = FakeRuns.test("exponent metric=dynamics.movement x=architecture.width in=[-0.45,-0.35]").evaluate(runs);
        assertEquals(Verdict.HOLDS, o.verdict());
        assertTrue(o.numbers().contains("b = -0.4 ± 0.1 over 3 seeds"), o.numbers());
    }

    @Test
    void boundsAtTheEndAtEveryStepAndRelativeToTheStart() {
        RunData r = FakeRuns.run("A2", 1, Map.of(), 10, Map.of("diff", s -> s == 5 ? 1e-8 : 1e-12,
                "loss", s -> 100 * Math.pow(0.1, s), "eig", s -> 2 - 0.1 * s));
        assertEquals(Verdict.HOLDS, FakeRuns.test("bound metric=diff max=1e-9").evaluate(List.of(r)).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, FakeRuns.test("bound metric=diff max=1e-9 over=all").evaluate(List.of(r)).verdict());
        // loss falls from 100 to 1e-8: 1e-10 of its first value
        assertEquals(Verdict.HOLDS, FakeRuns.test("bound metric=loss max=1e-9 relative=true").evaluate(List.of(r)).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, FakeRuns.test("bound metric=loss max=1e-9").evaluate(List.of(r)).verdict());
        // eig falls from 2 to 1: its smallest value is half its first
        assertEquals(Verdict.HOLDS, FakeRuns.test("bound metric=eig min=0.5 relative=true over=all").evaluate(List.of(r)).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, FakeRuns.test("bound metric=eig min=0.6 relative=true over=all").evaluate(List.of(r)).verdict());
        assertThrows(InvalidInputException.class, () -> FakeRuns.test("bound metric=eig").evaluate(List.of(r)));
    }

    @Test
    void aRatioOfGroupMeansAlsoPerWidthOverSqrtKappaAndAtEqualBudgets() {
        List<RunData> runs = List.of(
                FakeRuns.constant("E1", 1, Map.of("optimizer", Map.of("name", "gd")), "slope", 0.01),
                FakeRuns.constant("E1", 2, Map.of("optimizer", Map.of("name", "gd")), "slope", 0.03),
                FakeRuns.constant("E1", 1, Map.of("optimizer", Map.of("name", "nesterov")), "slope", 0.2));
        Outcome o = FakeRuns.test("ratio metric=slope num=optimizer.name:nesterov den=optimizer.name:gd in=[9.9,10.1]").evaluate(runs);
        assertEquals(Verdict.HOLDS, o.verdict(), o.numbers());
        List<RunData> withKappa = new ArrayList<>();
        for (RunData r : runs) {
            double slope = r.metrics().last("slope");
            withKappa.add(FakeRuns.run("E1", r.seed(), Map.of("optimizer", Map.of("name", RunValues.spec(r, "optimizer.name"))), 10,
                    Map.of("slope", s -> slope, "kappa", s -> s == 0 ? 100 : 50)));
        }
        Outcome k = FakeRuns.test("ratio metric=slope num=optimizer.name:nesterov den=optimizer.name:gd sqrt=metric:kappa in=[0.99,1.01]")
                .evaluate(withKappa);
        assertEquals(Verdict.HOLDS, k.verdict(), k.numbers() + ": ratio 10 over sqrt(100)");
        // per width: projected GD below SGD at m = 5, above at m = 10
        List<RunData> d2 = List.of(
                FakeRuns.constant("D2", 1, Map.of("architecture", Map.of("width", 5), "optimizer", Map.of("name", "pgd")), "loss", 1),
                FakeRuns.constant("D2", 1, Map.of("architecture", Map.of("width", 5), "optimizer", Map.of("name", "sgd")), "loss", 2),
                FakeRuns.constant("D2", 1, Map.of("architecture", Map.of("width", 10), "optimizer", Map.of("name", "pgd")), "loss", 3),
                FakeRuns.constant("D2", 1, Map.of("architecture", Map.of("width", 10), "optimizer", Map.of("name", "sgd")), "loss", 2));
        Outcome p = FakeRuns.test("ratio metric=loss num=optimizer.name:pgd den=optimizer.name:sgd per=architecture.width in=[0,1)")
                .evaluate(d2);
        assertEquals(Verdict.DOES_NOT_HOLD, p.verdict());
        assertTrue(p.numbers().contains("architecture.width=5: 0.500000 (1 / 2); architecture.width=10: 1.50000 (3 / 2)"), p.numbers());
    }

    @Test
    void atEqualBudgetsTheCheaperRunIsReadAtTheSameCost() {
        // GD spends 100 per step for 100 steps (10,000), SGD 10 per step for 100 steps (1,000): both are read at 1,000
        RunData gd = FakeRuns.run("D2", 1, Map.of("optimizer", Map.of("name", "gd")), 100,
                Map.of("loss", s -> 100 - s, "cost", s -> 100 * s));
        RunData sgd = FakeRuns.run("D2", 1, Map.of("optimizer", Map.of("name", "sgd")), 100,
                Map.of("loss", s -> 100 - 0.5 * s, "cost", s -> 10 * s));
        assertEquals(90, RunValues.atBudget(gd, "loss", "cost", 1000), 0);
        assertEquals(50, RunValues.atBudget(sgd, "loss", "cost", 1000), 0);
        Outcome o = FakeRuns.test("ratio metric=loss num=optimizer.name:gd den=optimizer.name:sgd budget=cost in=[1.79,1.81]")
                .evaluate(List.of(gd, sgd));
        assertEquals(Verdict.HOLDS, o.verdict(), o.numbers());
    }

    @Test
    void intervalsHaveOpenAndClosedEnds() {
        Interval falls = FakeRuns.test("exponent metric=m x=w in=[-inf,0)").interval("in");
        assertTrue(falls.contains(-1e-9));
        assertTrue(!falls.contains(0));
        assertTrue(FakeRuns.test("exponent metric=m x=w in=[-inf,0]").interval("in").contains(0));
        assertTrue(!falls.contains(Double.NaN));
        assertThrows(InvalidInputException.class, () -> FakeRuns.test("exponent metric=m x=w in=-1").interval("in"));
        assertThrows(InvalidInputException.class, () -> FakeRuns.test("median metric=m"));
        assertThrows(InvalidInputException.class, () -> FakeRuns.test("bound metric"));
    }

    @Test
    void verdictsCombine() {
        assertEquals(Verdict.HOLDS, Verdict.and(Verdict.HOLDS, Verdict.HOLDS));
        assertEquals(Verdict.DOES_NOT_HOLD, Verdict.and(Verdict.HOLDS, Verdict.DOES_NOT_HOLD));
        assertEquals(Verdict.NOT_TESTABLE, Verdict.and(Verdict.DOES_NOT_HOLD, Verdict.NOT_TESTABLE));
        assertNotNull(Verdict.DOES_NOT_HOLD.text());
    }

    /** Runs of widths 64 ... 4096 and seeds 1 ... 3 with {@code dynamics.movement = f(m, seed)}. */
    private static List<RunData> widths(java.util.function.BiFunction<Integer, Long, Double> f) {
        List<RunData> out = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (int m = 64; m <= 4096; m *= 4) {
                out.add(FakeRuns.constant("B2", seed, Map.of("architecture", Map.of("width", m)), "dynamics.movement",
                        f.apply(m, seed)));
            }
        }
        return out;
    }
}
