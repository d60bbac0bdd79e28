package org.overparam.plugin.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/**
 * {@code inputShape}: flat samples of 40 values (a CSV row) read as {@code [2, 5, 4]} give the
 * network built on {@code [2, 5, 4]} samples: the same layout, and bit for bit the same outputs,
 * gradients and Hessian-vector products on the same values; both against the scalar-loop reference.
 */
class InputShapeTest {
    private static final ResNets.Case GRID = new ResNets.Case(Shape.of(2, 5, 4), "conv", 3, 2, 3, "avgpool", "0.5",
            "all", 2);

    private static Model build(Shape data, long... inputShape) {
        Map<String, Object> m = new LinkedHashMap<>(GRID.config().values());
        if (inputShape.length > 0) {
            List<Long> s = new java.util.ArrayList<>();
            for (long v : inputShape) {
                s.add(v);
            }
            m.put("inputShape", s);
        }
        return new ResidualNet().build(Config.of(m), data, GRID.outputs());
    }

    @Test
    void flatSamplesReadAsAGridAreTheGridNetwork() {
        Model grid = build(Shape.of(2, 5, 4));
        Model flat = build(Shape.of(40), 2, 5, 4);
        assertEquals(grid.layout(), flat.layout());
        assertEquals(Shape.of(40), flat.inputShape(), "the model still takes the data's samples");
        Batch gridBatch = Fixtures.batch(grid, 3, 7);
        Batch flatBatch = new Batch(Shape.of(40), 3, gridBatch.inputs(), 2, gridBatch.targets(), null);
        Params w = Fixtures.point(grid, 11);
        double[] out = flat.forward(w, flatBatch).output();
        assertArrayEquals(grid.forward(w, gridBatch).output(), out, 0);
        double[] ref = NaiveResNet.outputs(GRID, 0.5, w, gridBatch.inputs(), 3);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], out[i], 1e-12 * Math.max(1, Math.abs(ref[i])), "against the scalar loops");
        }
        OutputLoss loss = TestLosses.squared(gridBatch.targets(), ones(gridBatch.targets().length));
        assertEquals(0.0, Fixtures.maxAbsDiff(Fixtures.gradient(grid, gridBatch, loss, w),
                Fixtures.gradient(flat, flatBatch, loss, w)), 0);
        Params v = Fixtures.direction(grid, 13);
        Params hGrid = w.zerosLike();
        Params hFlat = w.zerosLike();
        grid.hessianVector(w, gridBatch, loss, v, hGrid);
        flat.hessianVector(w, flatBatch, loss, v, hFlat);
        assertEquals(0.0, Fixtures.maxAbsDiff(hGrid, hFlat), 0);
        assertTrue(Fixtures.gradientError(flat, flatBatch, loss, w, 1e-6) < 1e-6, "gradient vs finite differences");
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    @Test
    void aShapeThatDoesNotFitIsOneLineNamingInputShape() {
        assertEquals("inputShape 3x5x4 has 60 values but the data's samples have 40 (shape 40)",
                assertThrows(InvalidInputException.class, () -> build(Shape.of(40), 3, 5, 4)).getMessage());
        assertEquals("give [c, l] or [c, h, w], got 1 sizes",
                assertThrows(InvalidInputException.class, () -> build(Shape.of(40), 40)).getMessage());
        InvalidInputException dense = assertThrows(InvalidInputException.class, () -> new ResidualNet().build(
                Config.of(Map.of("inputShape", List.of(2L, 20L))), Shape.of(40), 1));
        assertEquals("inputShape", dense.where());
        assertEquals("block", assertThrows(InvalidInputException.class,
                () -> build(Shape.of(1, 2, 5, 4))).where());
    }
}
