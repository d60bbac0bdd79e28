package org.overparam.plugin.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.testkit.BlockChecks.assertBlock;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.SchemaCheck;
import org.overparam.testkit.TestLosses;
import org.overparam.api.run.ParamSpec;

/** The component's configuration, the layout, the forward pass against loops, tau = 0 and bad input. */
class ResidualNetTest {
    private final ResidualNet resnet = new ResidualNet();

    static List<ResNets.Case> cases() {
        return ResNets.cases();
    }

    @Test
    void denseLayoutTrainsOnlyTheHiddenBlocksByDefault() {
        Config config = Config.of(Map.of("width", 7L, "depth", 3L));
        Model m = resnet.build(config, Shape.of(2, 5), 4);
        assertEquals(List.of("A", "W1", "W2", "W3", "B"), m.layout().names());
        assertBlock(m.layout().block(0), Shape.of(7, 10), BlockRole.INPUT, 10, false, null);
        assertBlock(m.layout().block(1), Shape.of(7, 7), BlockRole.HIDDEN, 7, true, null);
        assertBlock(m.layout().block(3), Shape.of(7, 7), BlockRole.HIDDEN, 7, true, null);
        assertBlock(m.layout().block(4), Shape.of(4, 7), BlockRole.OUTPUT, 7, false, null);
        assertEquals(1.0 / 3, ResNetPlan.of(config.as(ResidualNet.Settings.class), Shape.of(2, 5), 4).tau(), 0);
        assertEquals(Shape.of(2, 5), m.inputShape());
    }

    @Test
    void convLayoutUsesPyTorchNamesAndTrainsAllWhenAsked() {
        Model m = resnet.build(Config.of(Map.of("block", "conv", "channels", 6L, "kernel", 5L, "depth", 2L,
                "train", "all", "head", "flatten")), Shape.of(3, 8, 7), 2);
        assertEquals(List.of("A.weight", "W1.weight", "W2.weight", "B.weight"), m.layout().names());
        assertBlock(m.layout().block(0), Shape.of(6, 3, 5, 5), BlockRole.INPUT, 75, true, null);
        assertBlock(m.layout().block(2), Shape.of(6, 6, 5, 5), BlockRole.HIDDEN, 150, true, null);
        assertBlock(m.layout().block(3), Shape.of(2, 6 * 56), BlockRole.OUTPUT, 336, true, null);
        Model oneD = resnet.build(Config.of(Map.of("block", "conv", "channels", 4L)), Shape.of(9), 1);
        assertBlock(oneD.layout().block(0), Shape.of(4, 1, 3), BlockRole.INPUT, 3, false, null);
        assertBlock(oneD.layout().block(3), Shape.of(1, 4), BlockRole.OUTPUT, 4, false, null);
    }

    @Test
    void tauIsANumberOrARuleOfTheDepth() {
        assertEquals(0.25, ResNetPlan.tau("1/L", 4), 0);
        assertEquals(0.5, ResNetPlan.tau("1/sqrt(L)", 4), 0);
        assertEquals(0.5, ResNetPlan.tau(" 1 / sqrt(l) ", 4), 0);
        assertEquals(0.0, ResNetPlan.tau("0", 4), 0);
        assertEquals(0.125, ResNetPlan.tau("0.125", 4), 0);
        var e = assertThrows(InvalidInputException.class, () -> ResNetPlan.tau("-0.5", 2));
        assertEquals("tau", e.where());
        assertEquals("tau -0.5 must be a finite number at least 0", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> ResNetPlan.tau("1/M", 2));
        assertEquals("expected a number at least 0, 1/L or 1/sqrt(L), got '1/M'", e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> resnet.build(Config.of(Map.of("tau", -1.0)), Shape.of(3), 1));
        assertEquals("tau", e.where());
    }

    @Test
    void badParametersNameTheParameterAndTheShapes() {
        assertWhere("kernel", "kernel 4 must be odd (same padding (k-1)/2)",
                Map.of("block", "conv", "kernel", 4L), Shape.of(1, 8, 8));
        assertWhere("kernel", "layer A: kernel 5 is larger than its input 3x3 (shape 2x3x3)",
                Map.of("block", "conv", "kernel", 5L), Shape.of(2, 3, 3));
        assertWhere("block", "conv blocks read samples of shape [d], [c, l] or [c, h, w]; the data's are 1x2x3x4; set inputShape to read them as one of those",
                Map.of("block", "conv"), Shape.of(1, 2, 3, 4));
        ParamSpec depth = ParamSpec.of(ResidualNet.Settings.class).stream().filter(p -> p.name().equals("depth")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> depth.check("depth", 0L)).getMessage(),
                "refused by the schema before the component runs");
        assertWhere("train", "unknown value 'some'; choose hidden or all", Map.of("train", "some"), Shape.of(3));
        assertWhere("block", "unknown block 'mlp'; choose dense or conv", Map.of("block", "mlp"), Shape.of(3));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardMatchesScalarLoops(ResNets.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 3, 101);
        Params w = Fixtures.point(model, 102);
        double[] out = model.forward(w, batch).output();
        double[] ref = NaiveResNet.outputs(c, c.tauValue(), w, batch.inputs(), batch.n());
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], out[i], 1e-13 * (1 + Math.abs(ref[i])), c + " at " + i);
        }
        List<Activation> acts = model.forward(w, batch).activations();
        assertEquals(c.depth() + 1, acts.size());
        for (int l = 0; l < acts.size(); l++) {
            assertEquals("h" + l, acts.get(l).layer());
            assertEquals(batch.n() * acts.get(l).width(), acts.get(l).preActivations().length);
        }
        assertEquals(c.dense(), model.denseLayerPieces(w, batch, 0).isPresent());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void tauZeroIsTheInputAndOutputLayersAlone(ResNets.Case c) {
        Model model = new ResNets.Case(c.data(), c.block(), c.width(), c.depth(), c.kernel(), c.head(), "0",
                c.train(), c.outputs()).model();
        Batch batch = Fixtures.batch(model, 3, 111);
        Params w = Fixtures.point(model, 112);
        double[] out = model.forward(w, batch).output();
        double[] ref = NaiveResNet.outputs(c, 0.0, w.block(0), new double[0][], w.block(c.depth() + 1),
                batch.inputs(), batch.n());
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], out[i], 1e-13 * (1 + Math.abs(ref[i])), c + " at " + i);
        }
        Params g = Fixtures.gradient(model, batch, TestLosses.squared(batch.targets(),
                Fixtures.weights(batch.targets().length, 1)), w);
        for (int l = 1; l <= c.depth(); l++) {
            assertEquals(0.0, g.blockNorm(l), 0.0, "W" + l + " does not act when tau = 0");
        }
        assertTrue(g.blockNorm(0) > 0 && g.blockNorm(c.depth() + 1) > 0);
    }

    @Test
    void batchOfAnotherInputSizeIsRefused() {
        Model m = resnet.build(Config.of(Map.of("width", 3L)), Shape.of(4), 1);
        Batch b = new Batch(Shape.of(5), 1, new double[5], 1, new double[1], null);
        assertThrows(IllegalArgumentException.class, () -> m.forward(Params.zeros(m.layout()), b));
    }

    private void assertWhere(String where, String message, Map<String, ?> values, Shape data) {
        var e = assertThrows(InvalidInputException.class, () -> resnet.build(Config.of(values), data, 1));
        assertEquals(where, e.where());
        assertEquals(message, e.getMessage());
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new ResidualNet());
    }
}
