package org.overparam.plugin.landscape.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.testkit.RecordingSink;
import org.overparam.testkit.SchemaCheck;

/**
 * {@code hessian} on quadratics whose Hessian is a known matrix: Lanczos against LAPACK for the
 * whole matrix and its diagonal blocks, Hutchinson exact on diagonal matrices, the density's mass and
 * mean. Blocks of {@link Matrices#smallNet()}: W1 = values 0..19, b1 = 20..23, W2 = 24..31.
 */
class HessianAnalyzerTest {
    private static final int P = 32;
    private final Layout layout = Matrices.smallNet();
    private final Params w = Matrices.gaussianPoint(layout, 3);

    private static Config config(Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("probes", 0L, "slqRuns", 0L, "topK", 0L));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return Config.of(m);
    }

    private RecordingSink analyze(double[] h, Config config, boolean... trainable) {
        Quadratic q = new Quadratic(layout, h, new double[P]);
        RecordingSink out = new RecordingSink().acceptingMatrices();
        new HessianAnalyzer().analyze(q.snapshot(w, w, config, trainable), out);
        return out;
    }

    /** Lanczos top-k on an SPD matrix equals LAPACK's dsyevd to 1e-10, whole and per block. */
    @Test
    void topEigenvaluesOfAnSpdHessianMatchLapack() {
        double[] h = Matrices.spd(P, 11);
        RecordingSink out = analyze(h, config("topK", 4L, "iterations", 64L, "tolerance", 1e-12));
        double[] eig = SymmetricEigen.values(P, h);
        for (int i = 0; i < 4; i++) {
            assertEquals(eig[P - 1 - i], out.get("top" + (i + 1)), 1e-10, "top" + (i + 1));
        }
        assertEquals(1.0, out.get("lanczos_converged"), 0);
        assertEquals(P, out.get("dimension"), 0);
        int[][] ranges = {{0, 20}, {20, 24}, {24, 32}};
        String[] names = {"W1", "b1", "W2"};
        for (int b = 0; b < 3; b++) {
            int m = ranges[b][1] - ranges[b][0];
            double[] e = SymmetricEigen.values(m, Matrices.sub(h, P, ranges[b][0], ranges[b][1]));
            for (int i = 0; i < 4; i++) {
                assertEquals(e[m - 1 - i], out.get("top" + (i + 1) + "." + names[b]), 1e-10, names[b] + " top" + (i + 1));
            }
        }
    }

    /** On random symmetric (indefinite) matrices both ends of the spectrum match LAPACK's. */
    @Test
    void lanczosMatchesLapackOnRandomSymmetricMatricesAtBothEnds() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] h = Matrices.symmetric(P, seed);
            RecordingSink out = analyze(h, config("topK", 3L, "bottomK", 3L, "iterations", 64L, "tolerance", 1e-12,
                    "perBlock", false));
            double[] eig = SymmetricEigen.values(P, h);
            double scale = Math.max(Math.abs(eig[0]), Math.abs(eig[P - 1]));
            for (int i = 0; i < 3; i++) {
                assertEquals(eig[P - 1 - i], out.get("top" + (i + 1)), 1e-10 * scale, "seed " + seed);
                assertEquals(eig[i], out.get("bottom" + (i + 1)), 1e-10 * scale, "seed " + seed);
            }
            assertTrue(out.get("bottom1") < 0, "a random symmetric matrix is indefinite");
            assertFalse(out.scalars.containsKey("top1.W1"));
        }
    }

    /** Rademacher probes give z^T D z = tr D exactly on a diagonal matrix: no variance at all. */
    @Test
    void hutchinsonIsExactOnDiagonalMatrices() {
        double[] d = new double[P];
        for (int i = 0; i < P; i++) {
            d[i] = (i % 3 == 0 ? -1 : 1) * (0.25 + i);
        }
        RecordingSink out = analyze(Matrices.diagonal(d), config("probes", 7L));
        double[] block = {sum(d, 0, 20), sum(d, 20, 24), sum(d, 24, 32)};
        assertEquals(block[0] + block[1] + block[2], out.get("trace"), 0);
        assertEquals(0.0, out.get("trace_stderr"), 0);
        assertEquals(block[0], out.get("trace.W1"), 0);
        assertEquals(block[1], out.get("trace.b1"), 0);
        assertEquals(block[2], out.get("trace.W2"), 0);
        assertEquals(0.0, out.get("trace_stderr.W2"), 0);
        assertEquals(7.0, out.get("hvps"), 0);
    }

    /** On a dense matrix the estimate is unbiased: within a few standard errors of the trace. */
    @Test
    void hutchinsonOnADenseMatrixIsWithinItsStandardError() {
        double[] h = Matrices.spd(P, 5);
        RecordingSink out = analyze(h, config("probes", 400L, "perBlock", false));
        double trace = 0;
        for (int i = 0; i < P; i++) {
            trace += h[i * P + i];
        }
        double se = out.get("trace_stderr");
        assertTrue(se > 0 && se < 0.05 * trace, "stderr " + se);
        assertEquals(trace, out.get("trace"), 4 * se);
    }

    /** The broadened density integrates to 1 and, on a diagonal matrix, its mean is exactly tr / P. */
    @Test
    void slqDensityHasUnitMassAndMeanTraceOverP() {
        double[] d = new double[P];
        for (int i = 0; i < P; i++) {
            d[i] = 0.1 * i * i - 3;
        }
        double[] h = Matrices.diagonal(d);
        RecordingSink out = analyze(h, config("slqRuns", 3L, "slqSteps", 12L, "perBlock", false));
        double[][] s = out.series.get("density");
        assertEquals(401, s[0].length);
        assertEquals(1.0, trapezoid(s[0], s[1], false), 1e-8, "mass");
        assertEquals(sum(d, 0, P) / P, trapezoid(s[0], s[1], true), 1e-8, "mean");
        SpectralDensity quad = SpectralDensity.estimate(new DenseOperator(h, P), P, 3, 12,
                org.overparam.api.RandomStream.of(9));
        assertEquals(1.0, sum(quad.weights(), 0, quad.weights().length), 1e-13, "weights add up to 1");
        double mean = 0;
        for (int i = 0; i < quad.nodes().length; i++) {
            mean += quad.weights()[i] * quad.nodes()[i];
        }
        assertEquals(sum(d, 0, P) / P, mean, 1e-13, "sum tau theta = v^T H v = tr / P");
    }

    /** With a full-length Lanczos run on a dense matrix the mass and the first moment still hold. */
    @Test
    void slqDensityOnADenseMatrixPerBlock() {
        double[] h = Matrices.spd(P, 8);
        RecordingSink out = analyze(h, config("slqRuns", 2L, "slqSteps", 40L, "densityPoints", 801L));
        for (String name : new String[] {"density", "density.W1", "density.b1", "density.W2"}) {
            double[][] s = out.series.get(name);
            assertEquals(1.0, trapezoid(s[0], s[1], false), 1e-8, name);
            double[] x = s[0];
            for (int i = 1; i < x.length; i++) {
                assertTrue(x[i] > x[i - 1], "the grid ascends");
            }
        }
    }

    /** Frozen blocks leave the operator; with one trained block, per-block metrics copy the whole. */
    @Test
    void frozenBlocksAreExcludedAndASingleTrainedBlockIsNotRecomputed() {
        double[] h = Matrices.spd(P, 4);
        RecordingSink out = analyze(h, config("topK", 2L, "iterations", 40L, "tolerance", 1e-12, "probes", 3L),
                true, false, false);
        assertEquals(20.0, out.get("dimension"), 0);
        double[] e = SymmetricEigen.values(20, Matrices.sub(h, P, 0, 20));
        assertEquals(e[19], out.get("top1"), 1e-10);
        assertEquals(out.get("top1"), out.get("top1.W1"), 0);
        assertEquals(out.get("top2"), out.get("top2.W1"), 0);
        assertFalse(out.scalars.containsKey("top1.b1"));
        assertEquals(out.get("trace"), out.get("trace.W1"), 0);
        assertEquals(out.get("lanczos_iterations") + 3, out.get("hvps"), 0);
    }

    @Test
    void aBasisLargerThanTheHeapIsRefusedNamingTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Memory.checkBasis("iterations", 1_000_000, 1_000_000_000));
        assertEquals("iterations", e.where());
        assertTrue(e.getMessage().contains("lower iterations"), e.getMessage());
    }

    private static double sum(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** The trapezoid rule for the integral of y (or of x y). */
    private static double trapezoid(double[] x, double[] y, boolean firstMoment) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            double a = firstMoment ? x[i - 1] * y[i - 1] : y[i - 1];
            double b = firstMoment ? x[i] * y[i] : y[i];
            s += 0.5 * (a + b) * (x[i] - x[i - 1]);
        }
        return s;
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new HessianAnalyzer(), new SliceAnalyzer(), new ConvexityAnalyzer());
    }
}
