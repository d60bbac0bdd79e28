package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.testkit.Allocations;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/**
 * {@code ntk} and {@code linearized} against the run's sizes: what they clamp (with a notice), what
 * they refuse, and their workspace estimates against the bytes one analysis actually allocates.
 */
class LimitsTest {
    private final NtkAnalyzer ntk = new NtkAnalyzer();
    private final LinearizedAnalyzer linearized = new LinearizedAnalyzer();
    private final Model model = Nets.fc(4, 16, 1, 2, false, "relu");
    private final DataSize hundred = new DataSize(100, 0, Shape.of(4), 2, false);

    @Test
    void ntkPointsBeyondTheSamplesAreClampedWithANotice() {
        assertEquals(List.of("points 500 is more than the 100 training samples; the Gram uses all 100"),
                ntk.adjustments(Config.of(Map.of("points", 500L)), model, hundred));
        assertEquals(List.of(), ntk.adjustments(Config.of(Map.of("points", 100L)), model, hundred));
        DataSize ten = new DataSize(10, 0, Shape.of(4), 2, false);
        assertEquals(List.of("points 50 is more than the 10 training samples; the Gram uses all 10"),
                ntk.adjustments(Config.empty(), model, ten), "the default too: a run's spec holds every value");
    }

    @Test
    void ntkRefusesAnOutputTheModelLacks() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ntk.adjustments(Config.of(Map.of("output", 2L)), model, hundred));
        assertEquals("output: output 2 does not exist: the model has 2 outputs (0 to 1)", e.oneLine());
        assertEquals(List.of(), ntk.adjustments(Config.of(Map.of("output", 5L, "outputs", "sum")), model, hundred));
    }

    @Test
    void linearizedRefusesAKernelBeyondMaxPointsBeforeTheRun() {
        DataSize big = new DataSize(30_000, 0, Shape.of(4), 2, false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> linearized.adjustments(Config.empty(), model, big));
        assertEquals("maxPoints: the prediction needs the N x N kernel on all training outputs, N = 30000 samples x 2"
                + " outputs = 60000 exceeds maxPoints 2000; raise maxPoints or use fewer samples", e.oneLine());
        assertEquals(List.of(), linearized.adjustments(Config.empty(), model, hundred));
    }

    @Test
    void workspaceEstimatesScaleWithTheGram() {
        DataSize big = new DataSize(30_000, 0, Shape.of(4), 1, false);
        Model one = Nets.fc(4, 16, 1, 1, false, "relu");
        long bytes = linearized.workspaceBytes(Config.of(Map.of("maxPoints", 30_000L)), one, big);
        assertTrue(bytes >= 3L * 30_000 * 30_000 * 8, "three 30000^2 kernels: " + bytes);
        long ntkBytes = ntk.workspaceBytes(Config.of(Map.of("points", 500L, "path", "structured")), one, hundred);
        assertEquals(3L * 100 * 100 * 8 + 2L * one.forwardValues(100) * 8, ntkBytes, "points clamped to n = 100");
    }

    @Test
    void boundsCountsItsOwnGramOnlyWhenItMayComputeOne() {
        BoundsAnalyzer bounds = new BoundsAnalyzer();
        assertEquals(ntk.workspaceBytes(Config.of(Map.of("points", 50L)), model, hundred),
                bounds.workspaceBytes(Config.empty(), model, hundred), "the same 50-point Gram, the same paths");
        assertEquals(0, bounds.workspaceBytes(Config.of(Map.of("lambda0", "history")), model, hundred));
    }

    /**
     * Measured: one {@code ntk} analysis of 400 points on fc width 512 allocates X bytes on its
     * thread (everything, garbage included); the estimate lies between 0.5 X and 2 X.
     */
    @Test
    void ntkEstimateIsWithinAFactorTwoOfWhatOneAnalysisAllocates() {
        Model inner = Nets.fc(10, 512, 1, 1, false, "relu");
        Scaling scaling = Nets.ntk(inner);
        Model m = scaling.wrap(inner);
        FakeSnapshot s = Nets.snapshot(Nets.point(m, 3), m, Nets.data(Nets.sphere(400, 10, 1, 4)),
                Config.of(Map.of("points", 400L)));
        s.scaling = scaling;
        long estimate = ntk.workspaceBytes(s.config(), m, DataSize.of(s.data));
        long allocated = Allocations.bytes(() -> ntk.analyze(s, new RecordingSink().acceptingArtifacts()));
        double ratio = (double) estimate / allocated;
        assertTrue(ratio > 0.5 && ratio < 2, "estimate " + estimate + " vs allocated " + allocated);
    }
}
