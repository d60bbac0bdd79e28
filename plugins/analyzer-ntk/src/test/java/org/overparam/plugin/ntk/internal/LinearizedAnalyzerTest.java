package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.LinearModel;
import org.overparam.testkit.RecordingSink;

/**
 * {@code linearized} against gradient descent driven here through the model (no engine): exact for a
 * linear model in any loss convention, close for a very wide ReLU net in the NTK parameterization,
 * visibly apart for a narrow one. The wide/narrow runs: 8 points on the sphere in R^5, one hidden
 * layer, eta = 0.5, 40 steps (the wide net's loss falls about 40-fold). The gap of a finite net grows
 * with the steps (its kernel drifts by O(1/sqrt(m))); at m = 65536 it is about 0.06 after 40 steps,
 * at m = 16 about 1.
 */
class LinearizedAnalyzerTest {
    /** Wide net (m = 65536): |log actual - log predicted| stays below this at every analysis (10%). */
    static final double WIDE_GAP = 0.1;
    /** Narrow net (m = 16): the gap exceeds this at some analysis (a factor 1.65). */
    static final double NARROW_GAP = 0.5;

    private final LinearizedAnalyzer linearized = new LinearizedAnalyzer();

    /** Runs GD for {@code steps} steps, analyzing every {@code every}; returns the largest gap seen. */
    static double train(FakeSnapshot s, LinearizedAnalyzer a, double lr, int steps, int every, RecordingSink[] last) {
        double worst = 0;
        Params w = s.initial.copy();
        Params g = w.zerosLike();
        for (int t = 0; t <= steps; t++) {
            if (t % every == 0 || t == steps) {
                s.current = w.copy();
                s.step = t;
                s.isFinal = t == steps;
                RecordingSink out = new RecordingSink().acceptingArtifacts();
                a.analyze(s, out);
                worst = Math.max(worst, out.get("prediction_gap"));
                last[0] = out;
            }
            s.oracle().gradient(w, null, g);
            w.axpy(-lr, g);
        }
        return worst;
    }

    private static FakeSnapshot snapshot(Model model, Scaling scaling, int n, int d, int k, double lr, Map<String, Object> loss) {
        FakeSnapshot s = Nets.snapshot(Nets.point(model, 71), model, Nets.data(Nets.sphere(n, d, k, 72)), Config.empty());
        s.scaling = scaling;
        s.names.put(ComponentKind.LOSS, "squared");
        s.names.put(ComponentKind.OPTIMIZER, "gd");
        s.configs.put(ComponentKind.LOSS, Config.of(loss));
        s.configs.put(ComponentKind.OPTIMIZER, Config.of(Map.of("lr", lr)));
        return s;
    }

    @Test
    void aLinearModelFollowsThePredictionExactlyInEveryLossConvention() {
        for (Map<String, Object> loss : new Map[] {Map.of(), Map.of("half", false, "reduction", "mean"),
            Map.of("half", true, "reduction", "mean")}) {
            LinearModel model = new LinearModel(3, 2, true, true);
            FakeSnapshot s = snapshot(model, Scaling.identity(model.layout()), 6, 3, 2, 0.05, loss);
            RecordingSink[] last = new RecordingSink[1];
            double gap = train(s, linearized, 0.05, 60, 10, last);
            assertTrue(gap < 1e-9, loss + ": " + gap);
            double[][] series = last[0].series.get("predicted_loss");
            assertEquals(61, series[0].length);
            assertEquals(60.0, series[0][60], 0);
            assertEquals(last[0].get("predicted_loss"), series[1][60], 0);
        }
    }

    @Test
    void aVeryWideNetStaysOnThePredictionAndANarrowOneLeavesIt() {
        double wide = gap(65536);
        double narrow = gap(16);
        assertTrue(wide < WIDE_GAP, "wide: " + wide);
        assertTrue(narrow > NARROW_GAP, "narrow: " + narrow);
    }

    private double gap(int width) {
        Model inner = Nets.fc(5, width, 1, 1, false, "relu");
        Scaling scaling = Nets.ntk(inner);
        Model model = scaling.wrap(inner);
        FakeSnapshot s = snapshot(model, scaling, 8, 5, 1, 0.5, Map.of());
        return train(s, linearized, 0.5, 40, 10, new RecordingSink[1]);
    }

    @Test
    void theFirstAnalysisRecordsTheKernelAndAnOptionalHorizon() {
        LinearModel model = new LinearModel(3, 1, false, true);
        FakeSnapshot s = snapshot(model, Scaling.identity(model.layout()), 5, 3, 1, 0.1, Map.of());
        s.config = Config.of(Map.of("horizon", 10L, "seriesEvery", 4L));
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        linearized.analyze(s, out);
        assertEquals(5, out.get("points"));
        assertEquals(0.1, out.get("eta_eff"), 1e-15);
        assertEquals(1, out.get("stable"));
        assertEquals(0, out.get("prediction_gap"), 1e-12);
        assertArrayEquals(new double[] {0, 4, 8, 10}, out.series.get("predicted_loss")[0], 0);
        assertEquals(out.get("predicted_loss"), out.series.get("predicted_loss")[1][0], 0);
    }

    @Test
    void badRunsAreRefusedWithTheParameterNamed() {
        LinearModel model = new LinearModel(3, 2, false, true);
        FakeSnapshot big = snapshot(model, Scaling.identity(model.layout()), 6, 3, 2, 0.1, Map.of());
        big.config = Config.of(Map.of("maxPoints", 11L));
        assertEquals("maxPoints", assertThrows(InvalidInputException.class, () -> linearized.analyze(big, new RecordingSink().acceptingArtifacts())).where());
        FakeSnapshot ce = snapshot(model, Scaling.identity(model.layout()), 6, 3, 2, 0.1, Map.of());
        ce.names.put(ComponentKind.LOSS, "crossentropy");
        assertEquals("loss", assertThrows(InvalidInputException.class, () -> linearized.analyze(ce, new RecordingSink().acceptingArtifacts())).where());
        FakeSnapshot noLr = snapshot(model, Scaling.identity(model.layout()), 6, 3, 2, 0.1, Map.of());
        noLr.configs.put(ComponentKind.OPTIMIZER, Config.empty());
        assertEquals("lr", assertThrows(InvalidInputException.class, () -> linearized.analyze(noLr, new RecordingSink().acceptingArtifacts())).where());
        noLr.config = Config.of(Map.of("lr", 0.1));
        linearized.analyze(noLr, new RecordingSink().acceptingArtifacts());
    }
}
