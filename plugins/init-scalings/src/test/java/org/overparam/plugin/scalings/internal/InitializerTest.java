package org.overparam.plugin.scalings.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.testkit.SchemaCheck;

/** {@code ntk} and {@code standard}: variances of the effective weights, determinism, equivalence. */
class InitializerTest {
    /** Allowed relative deviation of an empirical variance from c / fanIn. */
    static final double VARIANCE_TOLERANCE = 0.02;

    private final NtkInitializer ntk = new NtkInitializer();
    private final StandardInitializer standard = new StandardInitializer();

    /**
     * Wide blocks, at least 100k values each, so that an empirical variance has a standard error
     * below 0.5% (2% is over 4 standard errors): 400k input weights, a 100k bias vector, 250k hidden
     * and 100k output weights.
     */
    static Layout wide() {
        return new Layout(List.of(
                BlockSpec.of("W1", Shape.of(500, 800), BlockRole.INPUT, 800),
                BlockSpec.of("b1", Shape.of(100_000), BlockRole.BIAS, 1),
                BlockSpec.of("W2", Shape.of(500, 500), BlockRole.HIDDEN, 500),
                BlockSpec.of("W_out", Shape.of(200, 500), BlockRole.OUTPUT, 500)));
    }

    @Test
    void ntkEffectiveWeightsHaveVarianceCOverFanIn() {
        Config c = Config.of(Map.of("variance", 2.0, "outputVariance", 0.5, "biasStd", 0.3, "biasScale", 2.0));
        Initialization init = ntk.initialize(c, wide(), RandomStream.of(1));
        Params eff = init.scaling().effective(init.params());
        checkVariance(eff.block("W1"), 2.0 / 800);
        checkVariance(eff.block("W2"), 2.0 / 500);
        checkVariance(eff.block("W_out"), 0.5 / 500);
        checkVariance(eff.block("b1"), 0.6 * 0.6);
        checkVariance(init.params().block("W1"), 1.0);
        checkVariance(init.params().block("W_out"), 1.0);
        assertEquals(Math.sqrt(2.0 / 800), init.scaling().scale(0).scalar(), 1e-16);
        assertEquals(2.0, init.scaling().scale(1).scalar(), 0);
        assertEquals(Math.sqrt(0.5 / 500), init.scaling().scale(3).scalar(), 1e-16);
        assertTrue(init.frozen().isEmpty());
    }

    @Test
    void standardEffectiveWeightsHaveVarianceCOverFanInAndNoMultiplier() {
        Config c = Config.of(Map.of("variance", 2.0, "outputVariance", 1.0, "biasStd", 0.3));
        Initialization init = standard.initialize(c, wide(), RandomStream.of(2));
        checkVariance(init.params().block("W1"), 2.0 / 800);
        checkVariance(init.params().block("W2"), 2.0 / 500);
        checkVariance(init.params().block("W_out"), 1.0 / 500);
        checkVariance(init.params().block("b1"), 0.09);
        for (int i = 0; i < 4; i++) {
            assertSame(BlockScale.ONE, init.scaling().scale(i));
        }
    }

    @Test
    void defaultsGiveZeroBiasesAndReluVariance() {
        Initialization init = ntk.initialize(Config.empty(), wide(), RandomStream.of(3));
        assertEquals(0.0, init.params().blockNorm(1), 0);
        assertSame(BlockScale.ONE, init.scaling().scale(1));
        checkVariance(init.scaling().effective(init.params()).block("W2"), 2.0 / 500);
        Initialization std = standard.initialize(Config.empty(), wide(), RandomStream.of(3));
        assertEquals(0.0, std.params().blockNorm(1), 0);
        checkVariance(std.params().block("W_out"), 1.0 / 500);
    }

    @Test
    void ntkAndStandardGiveTheSameEffectiveWeightsForTheSameSeed() {
        Config c = Config.of(Map.of("biasStd", 0.5));
        Initialization a = ntk.initialize(c, wide(), RandomStream.of(4));
        Initialization b = standard.initialize(c, wide(), RandomStream.of(4));
        Params ea = a.scaling().effective(a.params());
        Params eb = b.scaling().effective(b.params());
        for (int i = 0; i < 4; i++) {
            double[] x = ea.block(i);
            double[] y = eb.block(i);
            for (int j = 0; j < x.length; j++) {
                assertEquals(x[j], y[j], 1e-15 * Math.abs(x[j]));
            }
        }
    }

    @Test
    void sameSeedSameValuesAndOtherSeedOtherValues() {
        for (Initializer init : List.of(ntk, standard)) {
            Initialization a = init.initialize(Config.empty(), wide(), RandomStream.of(5));
            Initialization b = init.initialize(Config.empty(), wide(), RandomStream.of(5));
            Initialization c = init.initialize(Config.empty(), wide(), RandomStream.of(6));
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(a.params().block(i), b.params().block(i), 0);
                assertEquals(a.scaling().scale(i), b.scaling().scale(i));
            }
            assertFalse(a.params().block(0)[0] == c.params().block(0)[0]);
        }
    }

    @Test
    void aBlockDependsOnlyOnTheSeedAndItsName() {
        Layout small = new Layout(List.of(
                BlockSpec.of("W1", Shape.of(4, 3), BlockRole.INPUT, 3),
                BlockSpec.of("W_out", Shape.of(1, 4), BlockRole.OUTPUT, 4)));
        Layout withBias = new Layout(List.of(
                BlockSpec.of("W1", Shape.of(4, 3), BlockRole.INPUT, 3),
                BlockSpec.of("b1", Shape.of(4), BlockRole.BIAS, 1),
                BlockSpec.of("W_out", Shape.of(1, 4), BlockRole.OUTPUT, 4)));
        Config c = Config.of(Map.of("biasStd", 1.0));
        Params a = ntk.initialize(c, small, RandomStream.of(7)).params();
        Params b = ntk.initialize(c, withBias, RandomStream.of(7)).params();
        assertArrayEquals(a.block("W1"), b.block("W1"), 0);
        assertArrayEquals(a.block("W_out"), b.block("W_out"), 0);
    }

    @Test
    void tiedBlocksAreLeftForTheEngine() {
        Layout tied = new Layout(List.of(
                BlockSpec.of("W1", Shape.of(4, 3), BlockRole.INPUT, 3),
                new BlockSpec("G1", Shape.of(4, 3), BlockRole.INPUT, 3, false, "W1"),
                BlockSpec.of("W_out", Shape.of(1, 4), BlockRole.OUTPUT, 4)));
        Initialization init = ntk.initialize(Config.empty(), tied, RandomStream.of(8));
        assertEquals(0.0, init.params().blockNorm(1), 0);
        assertSame(BlockScale.ONE, init.scaling().scale(1));
        assertTrue(init.params().blockNorm(0) > 0);
    }

    @Test
    void nonPositiveVarianceIsRefused() {
        var e = assertThrows(InvalidInputException.class,
                () -> ntk.initialize(Config.of(Map.of("variance", 0.0)), wide(), RandomStream.of(9)));
        assertEquals("variance", e.where());
        e = assertThrows(InvalidInputException.class,
                () -> standard.initialize(Config.of(Map.of("biasStd", -1.0)), wide(), RandomStream.of(9)));
        assertEquals("biasStd", e.where());
        assertEquals(0.0, standard.initialize(Config.of(Map.of("outputVariance", 0.0)), wide(), RandomStream.of(9))
                .params().blockNorm(3), 0);
    }

    @Test
    void rulesHaveTheirClosedForms() {
        assertEquals(Math.sqrt(3.0 / 64), BlockRule.ntk(3).multiplier(64), 1e-16);
        assertEquals(1.0, BlockRule.ntk(3).rawStd(64), 0);
        assertEquals(1.0, BlockRule.standard(3).multiplier(64), 0);
        assertEquals(Math.sqrt(3.0 / 64), BlockRule.standard(3).rawStd(64), 1e-16);
        assertEquals(0.5 / 64, new BlockRule(0.5, 1, 1, 0).multiplier(64), 1e-18);
    }

    /** Asserts |var - expected| <= 2% of expected and the mean within 4 standard errors of 0. */
    static void checkVariance(double[] x, double expected) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length - 1;
        assertEquals(expected, var, VARIANCE_TOLERANCE * expected);
        assertEquals(0, mean, 4 * Math.sqrt(expected / x.length));
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new NtkInitializer(), new StandardInitializer(), new MeanFieldInitializer(),
                new PerLayerInitializer());
    }
}
