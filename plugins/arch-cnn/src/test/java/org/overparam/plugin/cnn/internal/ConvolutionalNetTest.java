package org.overparam.plugin.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.testkit.BlockChecks.assertBlock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.overparam.linalg.ConvMap;
import org.overparam.testkit.Fixtures;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.SchemaCheck;

/** The component's configuration, the layout it builds, the forward pass and the bad-input messages. */
class ConvolutionalNetTest {
    private final ConvolutionalNet cnn = new ConvolutionalNet();

    static List<Cnns.Case> cases() {
        return Cnns.cases();
    }

    @Test
    void twoDimensionalLayoutUsesPyTorchNamesShapesRolesAndFanIns() {
        Model m = cnn.build(Config.of(Map.of("channels", List.of(8L, 4L), "kernel", List.of(3L, 5L), "bias", true,
                "head", "flatten", "padding", List.of(1L, 2L))), Shape.of(3, 6, 6), 10);
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "head.weight", "head.bias"),
                m.layout().names());
        assertBlock(m.layout().block(0), Shape.of(8, 3, 3, 3), BlockRole.INPUT, 27);
        assertBlock(m.layout().block(1), Shape.of(8), BlockRole.BIAS, 1);
        assertBlock(m.layout().block(2), Shape.of(4, 8, 5, 5), BlockRole.HIDDEN, 200);
        assertBlock(m.layout().block(4), Shape.of(10, 4 * 36), BlockRole.OUTPUT, 144);
        assertBlock(m.layout().block(5), Shape.of(10), BlockRole.BIAS, 1);
        assertEquals(Shape.of(3, 6, 6), m.inputShape());
        assertEquals(10, m.outputSize());
    }

    @Test
    void vectorSamplesAreOneChannelSignalsWithOneDimensionalKernels() {
        Model m = cnn.build(Config.of(Map.of("channels", List.of(5L), "kernel", 3L, "padding", 0L)), Shape.of(10), 2);
        assertEquals(List.of("conv1.weight", "head.weight"), m.layout().names());
        assertBlock(m.layout().block(0), Shape.of(5, 1, 3), BlockRole.INPUT, 3);
        assertBlock(m.layout().block(1), Shape.of(2, 5), BlockRole.OUTPUT, 5);
    }

    @Test
    void defaultsAreTwoSixteenChannelLayersWithSamePaddingAndAveragePooling() {
        CnnPlan p = CnnPlan.of(Config.empty().as(ConvolutionalNet.Settings.class), Shape.of(1, 14, 14), 2);
        assertEquals(2, p.convs().size());
        assertEquals(new ConvMap(1, 14, 14, 16, 3, 3, 1, 1, 1, 1), p.convs().get(0));
        assertEquals(new ConvMap(16, 14, 14, 16, 3, 3, 1, 1, 1, 1), p.convs().get(1));
        assertTrue(p.avgpool());
        assertEquals(16, p.features());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardMatchesADirectConvolutionNetwork(Cnns.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 3, 101);
        Params w = Fixtures.point(model, 102);
        double[] out = model.forward(w, batch).output();
        double[] ref = NaiveCnn.outputs(c, w, batch.inputs(), batch.n());
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], out[i], 1e-13 * (1 + Math.abs(ref[i])), c + " at " + i);
        }
        List<Activation> acts = model.forward(w, batch).activations();
        assertEquals(c.channels().length, acts.size());
        for (int l = 0; l < acts.size(); l++) {
            assertEquals("conv" + (l + 1), acts.get(l).layer());
            assertEquals(batch.n() * acts.get(l).width(), acts.get(l).preActivations().length);
        }
        assertEquals(Optional.empty(), model.denseLayerPieces(w, batch, 0));
    }

    @Test
    void kernelLargerThanThePaddedInputNamesTheLayerAndShapes() {
        var e = assertThrows(InvalidInputException.class, () -> cnn.build(Config.of(Map.of("channels", List.of(4L, 4L),
                "kernel", List.of(3L, 5L), "stride", List.of(2L, 1L), "padding", 0L)), Shape.of(1, 7, 7), 1));
        assertEquals("kernel", e.where());
        assertEquals("layer conv2: kernel 5 is larger than its padded input 3x3 (input 4x3x3, padding 0)", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> cnn.build(Config.of(Map.of("channels", List.of(2L),
                "kernel", 9L, "padding", 1L)), Shape.of(2, 6), 1));
        assertEquals("layer conv1: kernel 9 is larger than its padded input 8 (input 2x6, padding 1)", e.getMessage());
    }

    @Test
    void inputShapeThatDoesNotFitTheDataIsRefused() {
        var e = assertThrows(InvalidInputException.class,
                () -> cnn.build(Config.of(Map.of("inputShape", List.of(3L, 28L, 28L))), Shape.of(784), 1));
        assertEquals("inputShape", e.where());
        assertEquals("inputShape 3x28x28 has 2352 values but the data's samples have 784 (shape 784)", e.getMessage());
        Model m = cnn.build(Config.of(Map.of("inputShape", List.of(1L, 28L, 28L))), Shape.of(784), 1);
        assertEquals(Shape.of(16, 1, 3, 3), m.layout().block(0).shape());
        assertEquals(Shape.of(784), m.inputShape());
        e = assertThrows(InvalidInputException.class, () -> cnn.build(Config.empty(), Shape.of(1, 2, 3, 4), 1));
        assertEquals("inputShape", e.where());
    }

    @Test
    void nonPositiveSizesAndMismatchedListsNameTheParameter() {
        ParamSpec channels = ParamSpec.of(ConvolutionalNet.Settings.class).stream().filter(p -> p.name().equals("channels")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> channels.check("channels", List.of(4L, 0L))).getMessage(),
                "refused by the schema before the component runs");
        assertWhere("channels", "give at least one conv layer, e.g. [16, 16]", Map.of("channels", List.of()));
        ParamSpec padding = ParamSpec.of(ConvolutionalNet.Settings.class).stream().filter(p -> p.name().equals("padding")).findFirst().orElseThrow();
        assertEquals("value -1 is out of range [0, inf)", assertThrows(InvalidInputException.class, () -> padding.check("padding", -1L)).getMessage(),
                "refused by the schema before the component runs");
        assertWhere("kernel", "3 values for 2 conv layers; give one value or one per layer",
                Map.of("kernel", List.of(3L, 3L, 3L)));
        assertWhere("head", "unknown head 'max'; choose avgpool or flatten", Map.of("head", "max"));
    }

    @Test
    void batchOfAnotherInputSizeIsRefused() {
        Model m = cnn.build(Config.empty(), Shape.of(1, 4, 4), 1);
        Batch b = new Batch(Shape.of(15), 1, new double[15], 1, new double[1], null);
        assertThrows(IllegalArgumentException.class, () -> m.forward(Params.zeros(m.layout()), b));
    }

    private void assertWhere(String where, String message, Map<String, ?> values) {
        var e = assertThrows(InvalidInputException.class, () -> cnn.build(Config.of(values), Shape.of(2, 8, 8), 1));
        assertEquals(where, e.where());
        assertEquals(message, e.getMessage());
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new ConvolutionalNet());
    }
}
