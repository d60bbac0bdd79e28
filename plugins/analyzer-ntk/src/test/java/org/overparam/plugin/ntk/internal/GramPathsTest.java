package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.testkit.LinearModel;

/**
 * The two NTK paths against each other and against known answers: a linear model's NTK is
 * {@code X X^T} (+ 1 with a bias); on fc nets of several shapes, with and without a non-identity
 * scaling and with frozen blocks, the structured Gram equals the per-sample-gradient Gram to
 * {@link #PATHS} (both are exact; the differences are rounding).
 */
class GramPathsTest {
    /** Structured against Jacobian: relative to the largest entry. */
    static final double PATHS = 1e-10;
    static final long MEMORY = 64L << 20;
    static final IntPredicate ALL = i -> true;

    @Test
    void aLinearModelsNtkIsTheGramOfItsInputs() {
        Batch batch = Nets.sphere(7, 4, 2, 11);
        double[] x = batch.inputs();
        for (boolean bias : new boolean[] {false, true}) {
            for (boolean pieces : new boolean[] {true, false}) {
                LinearModel model = new LinearModel(4, 2, bias, pieces);
                Params w = Nets.point(model, 12);
                for (int o = 0; o < 2; o++) {
                    NtkGram.Gram g = NtkGram.trace(model, w, batch, new int[] {o}, ALL, NtkGram.Path.AUTO, MEMORY);
                    assertEquals(pieces, g.structured());
                    for (int i = 0; i < 7; i++) {
                        for (int j = 0; j < 7; j++) {
                            double xx = 0;
                            for (int t = 0; t < 4; t++) {
                                xx += x[i * 4 + t] * x[j * 4 + t];
                            }
                            assertEquals(xx + (bias ? 1 : 0), g.values()[i * 7 + j], 1e-14, "bias " + bias + " pieces " + pieces);
                        }
                    }
                }
            }
        }
    }

    static Stream<Arguments> casesAndScalings() {
        List<Arguments> a = new ArrayList<>();
        for (Nets.Case c : Nets.cases()) {
            a.add(Arguments.of(c, false));
            a.add(Arguments.of(c, true));
        }
        return a.stream();
    }

    @ParameterizedTest
    @MethodSource("casesAndScalings")
    void structuredEqualsJacobianForEachOutputTheSumAndTheFullKernel(Nets.Case c, boolean scaled) {
        Model inner = c.model();
        Model model = scaled ? Nets.asymmetric(inner, 21).wrap(inner) : inner;
        Batch batch = Nets.sphere(9, c.d(), c.outputs(), 22);
        Params w = Nets.point(model, 23);
        for (int o = 0; o < c.outputs(); o++) {
            compareTrace(model, w, batch, new int[] {o}, ALL, c + " output " + o);
        }
        int[] all = new int[c.outputs()];
        for (int o = 0; o < all.length; o++) {
            all[o] = o;
        }
        compareTrace(model, w, batch, all, ALL, c + " sum");
        NtkGram.Gram s = NtkGram.full(model, w, batch, ALL, NtkGram.Path.STRUCTURED, MEMORY);
        NtkGram.Gram j = NtkGram.full(model, w, batch, ALL, NtkGram.Path.JACOBIAN, MEMORY);
        assertEquals(9 * c.outputs(), s.order());
        assertTrue(Nets.relative(s.values(), j.values()) < PATHS, c + " full: " + Nets.relative(s.values(), j.values()));
        for (int o = 0; o < c.outputs(); o++) {
            double[] one = NtkGram.trace(model, w, batch, new int[] {o}, ALL, NtkGram.Path.STRUCTURED, MEMORY).values();
            for (int i = 0; i < 9; i++) {
                for (int q = 0; q < 9; q++) {
                    assertEquals(one[i * 9 + q], s.values()[(i * c.outputs() + o) * 9 * c.outputs() + q * c.outputs() + o],
                            1e-12 * Math.abs(one[i * 9 + q]) + 1e-14, c + " diagonal block " + o);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("casesAndScalings")
    void frozenBlocksAreLeftOutByBothPaths(Nets.Case c, boolean scaled) {
        Model inner = c.model();
        Model model = scaled ? Nets.asymmetric(inner, 31).wrap(inner) : inner;
        Batch batch = Nets.sphere(6, c.d(), c.outputs(), 32);
        Params w = Nets.point(model, 33);
        int w1 = model.layout().indexOf("W1");
        IntPredicate noW1 = i -> i != w1;
        compareTrace(model, w, batch, new int[] {0}, noW1, c + " W1 frozen");
        double[] frozen = NtkGram.trace(model, w, batch, new int[] {0}, noW1, NtkGram.Path.AUTO, MEMORY).values();
        double[] free = NtkGram.trace(model, w, batch, new int[] {0}, ALL, NtkGram.Path.AUTO, MEMORY).values();
        assertTrue(Nets.relative(frozen, free) > 1e-3, "freezing W1 must change the kernel");
    }

    @Test
    void jacobianRowBlocksGiveTheSameGramAsOneBlock() {
        Model model = Nets.fc(4, 6, 2, 2, true, "relu");
        Batch batch = Nets.sphere(11, 4, 2, 41);
        Params w = Nets.point(model, 42);
        long row = model.layout().size() * Double.BYTES;
        double[] one = JacobianGram.full(model, w, batch, ALL, MEMORY);
        double[] blocks = JacobianGram.full(model, w, batch, ALL, 2 * 3 * row);
        assertTrue(Nets.relative(blocks, one) < 1e-13);
        double[] single = JacobianGram.trace(model, w, batch, new int[] {1}, ALL, 2 * 4 * row);
        double[] ref = JacobianGram.trace(model, w, batch, new int[] {1}, ALL, MEMORY);
        assertTrue(Nets.relative(single, ref) < 1e-13);
    }

    @Test
    void structuredAgreesWithAFiniteDifferenceJacobian() {
        for (Nets.Case c : Nets.cases()) {
            Model inner = c.model();
            Scaling scaling = Nets.asymmetric(inner, 51);
            Model model = scaling.wrap(inner);
            Batch batch = Nets.sphere(5, c.d(), c.outputs(), 52);
            Params w = Nets.point(model, 53);
            int o = c.outputs() - 1;
            double[] k = NtkGram.trace(model, w, batch, new int[] {o}, ALL, NtkGram.Path.STRUCTURED, MEMORY).values();
            double[] fd = FiniteDifference.gram(model, w, batch, o, 1e-6);
            assertTrue(Nets.relative(k, fd) < 1e-7, c + ": " + Nets.relative(k, fd));
        }
    }

    @Test
    void theStructuredPathIsRefusedWhereItCannotApply() {
        LinearModel noPieces = new LinearModel(3, 1, true, false);
        Batch batch = Nets.sphere(4, 3, 1, 61);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NtkGram.trace(noPieces,
                Nets.point(noPieces, 62), batch, new int[] {0}, ALL, NtkGram.Path.STRUCTURED, MEMORY));
        assertEquals("path", e.where());
        assertTrue(e.getMessage().contains("no dense-layer pieces"), e.getMessage());

        Model fc = Nets.fc(3, 4, 2, 1, false, "relu");
        Params w = Nets.point(fc, 63);
        List<DenseLayerPiece> pieces = fc.denseLayerPieces(w, batch, 0).orElseThrow();
        assertNull(StructuredGram.unsupported(fc.layout(), pieces, ALL));
        String why = StructuredGram.unsupported(fc.layout(), pieces.subList(1, pieces.size()), ALL);
        assertNotNull(why);
        assertTrue(why.contains("W1"), why);
        assertNull(StructuredGram.unsupported(fc.layout(), pieces.subList(1, pieces.size()), i -> i != 0),
                "a frozen block needs no piece");
        List<DenseLayerPiece> twice = new ArrayList<>(pieces);
        twice.add(pieces.get(0));
        assertTrue(StructuredGram.unsupported(fc.layout(), twice, ALL).contains("two pieces"));
        assertThrows(InvalidInputException.class, () -> NtkGram.trace(fc, w, batch, new int[] {1}, ALL,
                NtkGram.Path.AUTO, MEMORY));
    }

    @Test
    void pathKeysAreChecked() {
        assertEquals(NtkGram.Path.JACOBIAN, NtkGram.Path.of("jacobian"));
        assertEquals("path", assertThrows(InvalidInputException.class, () -> NtkGram.Path.of("fast")).where());
        assertFalse(NtkGram.Path.of("auto") == NtkGram.Path.STRUCTURED);
    }

    private static void compareTrace(Model model, Params w, Batch batch, int[] outs, IntPredicate trainable, String what) {
        NtkGram.Gram s = NtkGram.trace(model, w, batch, outs, trainable, NtkGram.Path.STRUCTURED, MEMORY);
        NtkGram.Gram j = NtkGram.trace(model, w, batch, outs, trainable, NtkGram.Path.JACOBIAN, MEMORY);
        assertTrue(s.structured());
        assertFalse(j.structured());
        double rel = Nets.relative(s.values(), j.values());
        assertTrue(rel < PATHS, what + ": " + rel);
    }
}
