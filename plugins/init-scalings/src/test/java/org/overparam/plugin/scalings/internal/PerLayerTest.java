package org.overparam.plugin.scalings.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockScale;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;

/** {@code mean-field} and {@code per-layer}: exact multipliers, equivalences with the named cases, errors. */
class PerLayerTest {
    private final PerLayerInitializer perLayer = new PerLayerInitializer();
    private final MeanFieldInitializer meanField = new MeanFieldInitializer();
    private final NtkInitializer ntk = new NtkInitializer();

    /** The wide layout of {@link InitializerTest}: W1 500x800 input, b1, W2 500x500 hidden, W_out 200x500. */
    private static Layout wide() {
        return InitializerTest.wide();
    }

    @Test
    void meanFieldScalesTheOutputByOneOverWidthAndTheRestLikeNtk() {
        Config c = Config.of(Map.of("variance", 2.0, "outputVariance", 4.0));
        Initialization mf = meanField.initialize(c, wide(), RandomStream.of(1));
        Initialization nt = ntk.initialize(c, wide(), RandomStream.of(1));
        assertEquals(2.0 / 500, mf.scaling().scale(3).scalar(), 0, "sqrt(4) / 500");
        assertEquals(Math.sqrt(2.0 / 800), mf.scaling().scale(0).scalar(), 0);
        assertEquals(nt.scaling().scale(2), mf.scaling().scale(2));
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(nt.params().block(i), mf.params().block(i), 0, "same raw draws in block " + i);
        }
        InitializerTest.checkVariance(mf.params().block("W_out"), 1.0);
        InitializerTest.checkVariance(mf.scaling().effective(mf.params()).block("W_out"), 4.0 / (500.0 * 500.0));
    }

    @Test
    void defaultsAreNtkAndAMeanFieldOutputIsMeanField() {
        Config c = Config.of(Map.of("biasStd", 0.5, "biasScale", 2.0));
        assertSameInitialization(ntk.initialize(c, wide(), RandomStream.of(2)),
                perLayer.initialize(c, wide(), RandomStream.of(2)));
        assertSameInitialization(meanField.initialize(c, wide(), RandomStream.of(3)),
                perLayer.initialize(c.with("output", "mean-field"), wide(), RandomStream.of(3)));
        assertSameInitialization(meanField.initialize(c, wide(), RandomStream.of(3)),
                perLayer.initialize(c.with("layers", List.of("ntk", "ntk", "mean-field")), wide(), RandomStream.of(3)));
    }

    @Test
    void layersChooseOneSchemePerWeightBlockInLayoutOrder() {
        Config c = Config.of(Map.of("layers", List.of("standard", "mean-field", "ntk"), "variance", 3.0,
                "outputVariance", 0.5));
        Initialization init = perLayer.initialize(c, wide(), RandomStream.of(4));
        assertSame(BlockScale.ONE, init.scaling().scale(0), "standard input: multiplier 1");
        InitializerTest.checkVariance(init.params().block("W1"), 3.0 / 800);
        assertEquals(Math.sqrt(3.0) / 500, init.scaling().scale(2).scalar(), 1e-18, "mean-field hidden");
        assertEquals(Math.sqrt(0.5 / 500), init.scaling().scale(3).scalar(), 1e-17, "ntk output: sqrt(c) * fanIn^-1/2");
        assertSame(BlockScale.ONE, init.scaling().scale(1), "bias: multiplier biasScale = 1");
        assertEquals(0.0, init.params().blockNorm(1), 0);
    }

    @Test
    void badLayersAreNamed() {
        var e = assertThrows(InvalidInputException.class, () -> perLayer.initialize(
                Config.of(Map.of("layers", List.of("ntk", "ntk"))), wide(), RandomStream.of(5)));
        assertEquals("layers", e.where());
        assertEquals("2 entries for the 3 weight blocks [W1, W2, W_out]; give one per weight block, in this order",
                e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> perLayer.initialize(
                Config.of(Map.of("layers", List.of("ntk", "mf", "ntk"))), wide(), RandomStream.of(5)));
        assertEquals("layers[1]", e.where());
        e = assertThrows(InvalidInputException.class, () -> perLayer.initialize(
                Config.of(Map.of("outputVariance", 0.0)), wide(), RandomStream.of(5)));
        assertEquals("outputVariance", e.where(), "ntk output needs c > 0");
        Initialization zeroOut = perLayer.initialize(Config.of(Map.of("outputVariance", 0.0, "output", "standard")),
                wide(), RandomStream.of(5));
        assertEquals(0.0, zeroOut.params().blockNorm(3), 0, "standard output with c = 0 starts at zero");
    }

    private static void assertSameInitialization(Initialization a, Initialization b) {
        Params pa = a.params();
        Params pb = b.params();
        for (int i = 0; i < pa.layout().count(); i++) {
            assertArrayEquals(pa.block(i), pb.block(i), 0);
            assertEquals(a.scaling().scale(i), b.scaling().scale(i));
        }
        assertEquals(a.frozen(), b.frozen());
    }
}
