package org.overparam.plugin.gated.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.testkit.Fixtures;
import org.overparam.testkit.TestLosses;

/**
 * The converted ReLU network, loaded into the fc architecture with identity scaling, against the
 * gated surrogate in the NTK parameterization on its training inputs, before and after 100 steps
 * of gradient descent; and the report of inputs that fail the margin condition.
 */
class ConversionTest {
    /** The difference must be within the proven rounding bound and this relative to the largest output. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    static final int STEPS = 100;
    static final double LR = 0.05;

    /** Width, depth, outputs. */
    static List<int[]> shapes() {
        return List.of(new int[] {64, 2, 1}, new int[] {32, 3, 2}, new int[] {128, 1, 1});
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void convertedNetworkComputesTheSurrogateBeforeAndAfterTraining(int[] shape) {
        int m = shape[0];
        int depth = shape[1];
        int k = shape[2];
        Surrogate sur = new Gateds.Case(Shape.of(10), m, depth, k).surrogate();
        Model gated = sur.network();
        Scaling scaling = Gateds.ntk(gated.layout());
        Model model = scaling.wrap(gated);
        Batch batch = Gateds.sphere(32, 10, k, 5);
        OutputLoss loss = TestLosses.squared(batch.targets(), ones(batch.targets().length));
        Params w = Gateds.ntkPoint(gated, 7);
        Model fc = new FullyConnected().build(Config.of(Map.of("width", (long) 2 * m, "depth", (long) depth)),
                Shape.of(10), k);

        Conversion start = check(sur, fc, scaling.effective(w), batch);
        assertEquals(1.0, start.ratio(), 0.0, "W = W0 at initialization: W v = z0 bit for bit");
        assertEquals(0.5, start.c(), 0.0);

        double before = loss.evaluate(model.forward(w, batch).output(), null);
        for (int step = 0; step < STEPS; step++) {
            Params g = Fixtures.gradient(model, batch, loss, w);
            for (int l = 1; l <= depth; l++) {
                Arrays.fill(g.block(sur.gateIndex(l)), 0.0);
            }
            w.axpy(-LR, g);
        }
        double after = loss.evaluate(model.forward(w, batch).output(), null);
        assertTrue(after < 0.1 * before, "training moved the weights: loss " + before + " -> " + after);
        Conversion end = check(sur, fc, scaling.effective(w), batch);
        assertTrue(end.c() < start.c(), "the value network moved away from the gates, so c shrinks: " + end.c());
    }

    /** Converts, loads into fc, and checks every output against the surrogate and the bound. */
    private static Conversion check(Surrogate sur, Model fc, Params effective, Batch batch) {
        Model gated = sur.network();
        Conversion conv = ReluConversion.convert(sur, effective, batch, 0.5, 1e-9);
        assertEquals(fc.layout(), conv.layout());
        assertEquals(0, conv.failing().length);
        assertTrue(conv.c() > 0 && conv.margin() > 0, "c " + conv.c() + ", margin " + conv.margin());
        double[] converted = fc.forward(conv.params(), batch).output();
        double[] surrogate = gated.forward(effective, batch).output();
        ConversionCheck check = ConversionCheck.of(sur, effective, conv, batch);
        assertArrayEquals(converted, check.converted(), 0.0, "fc computes what the check evaluates");
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < surrogate.length; i++) {
            double d = Math.abs(converted[i] - surrogate[i]);
            assertTrue(d <= check.bound()[i], "output " + i + ": " + d + " exceeds the rounding bound " + check.bound()[i]);
            diff = Math.max(diff, d);
            scale = Math.max(scale, Math.abs(surrogate[i]));
        }
        assertTrue(diff <= RELATIVE_TOLERANCE * scale, "relative difference " + diff / scale);
        assertEquals(diff, check.maxAbsDiff(), 0.0);
        return conv;
    }

    @Test
    void inputsOnAGateHyperplaneAreReportedAndTheOthersStayExact() {
        Surrogate sur = new Gateds.Case(Shape.of(6), 16, 2, 1).surrogate();
        Model gated = sur.network();
        Scaling scaling = Gateds.ntk(gated.layout());
        Params w = Gateds.ntkPoint(gated, 17);
        w.block("W1")[0] = 0.0;
        Gateds.tie(w);
        Params move = Fixtures.direction(gated, 18);
        for (String b : List.of("W1", "W2", "W_out")) {
            double[] v = w.block(b);
            for (int j = 0; j < v.length; j++) {
                v[j] += 0.3 * move.block(b)[j];
            }
        }
        Batch sphere = Gateds.sphere(8, 6, 1, 19);
        double[] x = sphere.inputs().clone();
        Arrays.fill(x, 3 * 6, 4 * 6, 0.0);
        x[3 * 6] = 1.0;
        Arrays.fill(x, 5 * 6, 6 * 6, 0.0);
        Batch batch = new Batch(sphere.inputShape(), 8, x, 1, sphere.targets(), null);
        Params eff = scaling.effective(w);
        assertEquals(0.0, sur.values(eff, batch).gates()[0][3 * 16], 0.0, "input 3 lies on unit 1's hyperplane");

        Conversion conv = ReluConversion.convert(sur, eff, batch, 0.5, 1e-9);
        assertArrayEquals(new int[] {3, 5}, conv.failing());
        assertArrayEquals(new double[] {0.0, 0.0}, conv.failingMargins(), 0.0);
        ConversionCheck check = ConversionCheck.of(sur, eff, conv, batch);
        for (int i = 0; i < batch.n(); i++) {
            if (conv.passes(i)) {
                assertTrue(Math.abs(check.converted()[i] - check.surrogate()[i]) <= check.bound()[i], "input " + i);
            }
        }
        assertTrue(check.maxRelDiff() <= RELATIVE_TOLERANCE);
    }

    @Test
    void weightsFollowTheConstruction() {
        Surrogate sur = new Gateds.Case(Shape.of(3), 2, 2, 1).surrogate();
        Model gated = sur.network();
        Params w = Fixtures.point(gated, 31);
        Batch batch = Gateds.sphere(4, 3, 1, 32);
        Conversion conv = ReluConversion.convert(sur, w, batch, 0.25, 0.0);
        double c = conv.c();
        double[] w1 = conv.params().block("W1");
        double[] g1 = w.block("gate.W1");
        double[] v1 = w.block("W1");
        assertEquals(g1[0], w1[0], 0.0);
        assertEquals(g1[0] + c * v1[0], w1[2 * 3], 0.0);
        double[] w2 = conv.params().block("W2");
        double[] g2 = w.block("gate.W2");
        double[] v2 = w.block("W2");
        assertArrayEquals(new double[] {g2[0], g2[1], 0, 0}, Arrays.copyOfRange(w2, 0, 4), 0.0);
        assertArrayEquals(new double[] {g2[0] - v2[0], g2[1] - v2[1], v2[0], v2[1]}, Arrays.copyOfRange(w2, 8, 12), 0.0);
        double[] out = conv.params().block("W_out");
        double[] b = w.block("W_out");
        assertArrayEquals(new double[] {-b[0] / c, -b[1] / c, b[0] / c, b[1] / c}, out, 0.0);
        assertEquals(0.25 * conv.ratio(), c, 0.0);
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }
}
