package org.overparam.plugin.gated.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.testkit.Fixtures;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.SchemaCheck;

/** The layout, the forward pass against scalar loops and against fc at initialization, frozen gates. */
class GatedModelTest {
    private final GatedSurrogate gated = new GatedSurrogate();

    static List<Gateds.Case> cases() {
        return Gateds.cases();
    }

    @Test
    void layoutIsFcsValueNetworkThenTheTiedFrozenGates() {
        Model m = gated.build(Config.of(Map.of("width", 7L, "depth", 3L)), Shape.of(2, 5), 4);
        assertEquals(List.of("W1", "W2", "W3", "W_out", "gate.W1", "gate.W2", "gate.W3"), m.layout().names());
        assertBlock(m.layout().block(0), Shape.of(7, 10), BlockRole.INPUT, 10, true, null);
        assertBlock(m.layout().block(1), Shape.of(7, 7), BlockRole.HIDDEN, 7, true, null);
        assertBlock(m.layout().block(3), Shape.of(4, 7), BlockRole.OUTPUT, 7, true, null);
        assertBlock(m.layout().block(4), Shape.of(7, 10), BlockRole.INPUT, 10, false, "W1");
        assertBlock(m.layout().block(6), Shape.of(7, 7), BlockRole.HIDDEN, 7, false, "W3");
        Model fc = new FullyConnected().build(Config.of(Map.of("width", 7L, "depth", 3L)), Shape.of(2, 5), 4);
        for (int i = 0; i < fc.layout().count(); i++) {
            assertEquals(fc.layout().block(i), m.layout().block(i), "value blocks are fc's");
        }
    }

    @Test
    void badWidthAndDepthNameTheParameter() {
        ParamSpec width = ParamSpec.of(GatedSurrogate.Settings.class).stream().filter(p -> p.name().equals("width")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> width.check("width", 0L)).getMessage(),
                "refused by the schema before the component runs");
        ParamSpec depth = ParamSpec.of(GatedSurrogate.Settings.class).stream().filter(p -> p.name().equals("depth")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> depth.check("depth", 0L)).getMessage(),
                "refused by the schema before the component runs");
        var e = assertThrows(InvalidInputException.class, () -> gated.build(Config.empty(), Shape.of(3), 0));
        assertEquals("outputs", e.where());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardMatchesScalarLoopsFromTheDefinition(Gateds.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 101);
        Params w = Fixtures.point(model, 102);
        double[] out = model.forward(w, batch).output();
        double[] ref = naive(c, w, batch);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], out[i], 1e-13 * (1 + Math.abs(ref[i])), c + " at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void atInitializationTheSurrogateIsTheReluNetwork(Gateds.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 4, 111);
        Params w = Gateds.tiedPoint(model, 112);
        Model fc = new FullyConnected().build(Config.of(Map.of("width", (long) c.width(), "depth", (long) c.depth())),
                c.input(), c.outputs());
        double[][] blocks = new double[fc.layout().count()][];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = w.block(i);
        }
        assertArrayEquals(fc.forward(Params.wrap(fc.layout(), blocks), batch).output(), model.forward(w, batch).output(),
                0.0, "W = W0: gates are the ReLU's own patterns, bit for bit");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void activationsAreTheGatesAndDoNotMoveWithTheValueWeights(Gateds.Case c) {
        Model model = c.model();
        Batch batch = Fixtures.batch(model, 3, 121);
        Params w = Gateds.tiedPoint(model, 122);
        Params moved = w.copy();
        for (int l = 1; l <= c.depth() + 1; l++) {
            moved.block(l - 1)[0] += 10.0;
        }
        List<Activation> a = model.forward(w, batch).activations();
        List<Activation> b = model.forward(moved, batch).activations();
        assertEquals(c.depth(), a.size());
        for (int l = 0; l < a.size(); l++) {
            assertEquals("h" + (l + 1), a.get(l).layer());
            assertEquals(c.width(), a.get(l).width());
            assertArrayEquals(a.get(l).preActivations(), b.get(l).preActivations(), 0.0);
        }
    }

    /** {@code v_l = (W_l v_{l-1}) * 1[W0_l a0_{l-1} > 0]}, {@code a0_l = max(W0_l a0_{l-1}, 0)}, f = W_out v_L. */
    static double[] naive(Gateds.Case c, Params w, Batch batch) {
        int n = batch.n();
        int d = c.input().size();
        int m = c.width();
        int k = c.outputs();
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] v = new double[d];
            System.arraycopy(batch.inputs(), i * d, v, 0, d);
            double[] a = v.clone();
            for (int l = 1; l <= c.depth(); l++) {
                double[] wl = w.block("W" + l);
                double[] gl = w.block("gate.W" + l);
                double[] nv = new double[m];
                double[] na = new double[m];
                for (int r = 0; r < m; r++) {
                    double z0 = 0;
                    double u = 0;
                    for (int j = 0; j < v.length; j++) {
                        z0 += gl[r * v.length + j] * a[j];
                        u += wl[r * v.length + j] * v[j];
                    }
                    nv[r] = z0 > 0 ? u : 0;
                    na[r] = Math.max(z0, 0);
                }
                v = nv;
                a = na;
            }
            double[] b = w.block("W_out");
            for (int o = 0; o < k; o++) {
                for (int j = 0; j < m; j++) {
                    out[i * k + o] += b[o * m + j] * v[j];
                }
            }
        }
        return out;
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new GatedSurrogate(), new ConvertAnalyzer());
    }
}
