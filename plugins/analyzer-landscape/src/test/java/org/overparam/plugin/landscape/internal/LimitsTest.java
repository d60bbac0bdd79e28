package org.overparam.plugin.landscape.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.testkit.RecordingSink;

/** {@code hessian} and {@code slices} against the run's sizes: what they clamp, with which notice. */
class LimitsTest {
    private static final int P = 32;
    private final Layout layout = Matrices.smallNet();
    private final Quadratic q = new Quadratic(layout, Matrices.spd(P, 2), new double[P]);
    private final DataSize hundred = new DataSize(100, 0, Shape.of(3), 1, false);

    @Test
    void hessianBudgetsAboveTheParameterCountAreClampedWithANotice() {
        assertEquals(List.of("points 500 is more than the 100 training samples; the loss uses all 100",
                        "iterations 5000 is more than the model's 32 parameters; Lanczos stops at 32 (the exact spectrum)",
                        "slqSteps 40 is more than the model's 32 parameters; Lanczos stops at 32 (the exact spectrum)",
                        "topK 40 is more than the model's 32 parameters; all 32 eigenvalues are reported"),
                new HessianAnalyzer().adjustments(Config.of(Map.of("points", 500L, "iterations", 5000L, "topK", 40L)), q,
                        hundred));
        assertEquals(List.of("points 256 is more than the 100 training samples; the loss uses all 100",
                        "iterations 60 is more than the model's 32 parameters; Lanczos stops at 32 (the exact spectrum)",
                        "slqSteps 40 is more than the model's 32 parameters; Lanczos stops at 32 (the exact spectrum)"),
                new HessianAnalyzer().adjustments(Config.empty(), q, hundred), "defaults too: a run's spec holds every value");
        assertEquals(List.of(), new HessianAnalyzer().adjustments(Config.of(Map.of("points", 0L, "iterations", 32L,
                "slqRuns", 0L, "slqSteps", 1000L)), q, hundred), "a budget of a measure turned off is not noticed");
    }

    @Test
    void hessianWorkspaceIsTheLargerBasisPlusSixVectorsAndOnePass() {
        long pass = 2 * q.forwardValues(100);
        assertEquals(8 * ((32 + 1) * 32 + 6 * 32 + pass), new HessianAnalyzer().workspaceBytes(Config.empty(), q, hundred));
        assertEquals(8 * (0 + 6 * 32 + pass), new HessianAnalyzer().workspaceBytes(
                Config.of(Map.of("topK", 0L, "slqRuns", 0L)), q, hundred));
    }

    @Test
    void convexityClampsItsPointsAndCountsFourVectors() {
        assertEquals(List.of("points 300 is more than the 100 training samples; the loss uses all 100"),
                new ConvexityAnalyzer().adjustments(Config.of(Map.of("points", 300L)), q, hundred));
        assertEquals(8L * (4 * 32 + q.forwardValues(100)),
                new ConvexityAnalyzer().workspaceBytes(Config.empty(), q, hundred));
    }

    @Test
    void slicesFinerThanTheirLimitAreClampedWithANoticeAndComputedAtTheLimit() {
        Config c = Config.of(Map.of("steps1d", 20_000L, "steps2d", 1_000_000L, "interpolationSteps", 0L));
        assertEquals(List.of("steps1d 20000 is more than the 10001 points a grid may have; the slice uses 10001",
                "steps2d 1000000 is more than the 1001 points a grid may have; the slice uses 1001"),
                new SliceAnalyzer().adjustments(c, q, hundred));
        assertEquals(8L * (5 * 32 + 1001 * 1001 + q.forwardValues(100)), new SliceAnalyzer().workspaceBytes(c, q, hundred));
        Params w = Matrices.gaussianPoint(layout, 31);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new SliceAnalyzer().analyze(q.snapshot(w, w.copy(), Config.of(Map.of("steps1d", 20_000L,
                "steps2d", 0L))), out);
        assertEquals(SliceAnalyzer.MAX_1D, out.series.get("random1d")[0].length);
        assertEquals(1.0, out.series.get("random1d")[0][SliceAnalyzer.MAX_1D - 1], 0, "the same range, coarser");
    }
}
