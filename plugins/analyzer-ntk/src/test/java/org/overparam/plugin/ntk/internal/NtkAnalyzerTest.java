package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.LinearModel;
import org.overparam.testkit.RecordingSink;
import org.overparam.testkit.SchemaCheck;

/** {@code ntk} on fc nets: its metrics against direct computations, the kept points and K_0, the saved files. */
class NtkAnalyzerTest {
    private final NtkAnalyzer ntk = new NtkAnalyzer();

    private static FakeSnapshot snapshot(int outputs, Map<String, Object> config) {
        Model inner = Nets.fc(4, 16, 2, outputs, true, "relu");
        Scaling scaling = Nets.ntk(inner);
        Model model = scaling.wrap(inner);
        FakeSnapshot s = Nets.snapshot(Nets.point(model, 3), model, Nets.data(Nets.sphere(12, 4, outputs, 4)),
                Config.of(config));
        s.scaling = scaling;
        return s;
    }

    private static double[] gram(FakeSnapshot s, int[] rows, int[] outs) {
        Batch b = s.data.train().select(rows);
        return NtkGram.trace(s.model, s.current, b, outs, i -> true, NtkGram.Path.JACOBIAN, 64L << 20).values();
    }

    @Test
    void metricsMatchADirectComputationAndK0IsKept() {
        FakeSnapshot s = snapshot(1, Map.of("points", 8L));
        RecordingSink first = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, first);
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] k0 = gram(s, rows, new int[] {0});
        double[] eig = SymmetricEigen.values(8, k0);
        assertEquals(List.of("points", "structured", "lambda_min", "lambda_max", "condition", "trace", "movement",
                "caron_change", "alignment"), List.copyOf(first.scalars.keySet()));
        assertEquals(8, first.get("points"));
        assertEquals(1, first.get("structured"));
        assertEquals(eig[0], first.get("lambda_min"), 1e-10 * eig[7]);
        assertEquals(eig[7], first.get("lambda_max"), 1e-10 * eig[7]);
        assertEquals(eig[7] / eig[0], first.get("condition"), 1e-8 * eig[7] / eig[0]);
        assertEquals(KernelStats.trace(8, k0), first.get("trace"), 1e-10 * eig[7]);
        assertEquals(0.0, first.get("movement"), 0);
        assertEquals(0.0, first.get("caron_change"), 0);
        double[] y = NtkAnalyzer.targets(s.data.train().select(rows), new int[] {0});
        double yky = 0;
        double yy = 0;
        for (int i = 0; i < 8; i++) {
            yy += y[i] * y[i];
            for (int j = 0; j < 8; j++) {
                yky += y[i] * k0[i * 8 + j] * y[j];
            }
        }
        assertEquals(yky / (KernelStats.frobenius(k0) * yy), first.get("alignment"), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, s.state.allArrays().get(Points.KEY), 0);

        Params moved = s.current.copy();
        moved.axpy(0.3, Nets.point(s.model, 5));
        s.current = moved;
        s.step = 10;
        RecordingSink later = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, later);
        double[] k = gram(s, rows, new int[] {0});
        double[] d = k.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] -= k0[i];
        }
        double[] de = SymmetricEigen.values(8, d);
        assertEquals(KernelStats.frobenius(d) / KernelStats.frobenius(k0), later.get("movement"), 1e-9);
        assertEquals(Math.sqrt(Math.max(-de[0], de[7])), later.get("caron_change"), 1e-9);
        assertTrue(later.get("movement") > 1e-3);
        assertTrue(later.artifacts.isEmpty());
    }

    @Test
    void aRandomSubsetIsDrawnOnceSortedAndKept() {
        FakeSnapshot s = snapshot(1, Map.of("points", 5L, "sample", "random"));
        ntk.analyze(s, new RecordingSink().acceptingArtifacts());
        double[] idx = s.state.allArrays().get(Points.KEY).clone();
        assertEquals(5, idx.length);
        for (int i = 1; i < idx.length; i++) {
            assertTrue(idx[i] > idx[i - 1] && idx[i] < 12);
        }
        s.step = 5;
        ntk.analyze(s, new RecordingSink().acceptingArtifacts());
        assertArrayEquals(idx, s.state.allArrays().get(Points.KEY), 0);
        FakeSnapshot again = snapshot(1, Map.of("points", 5L, "sample", "random"));
        ntk.analyze(again, new RecordingSink().acceptingArtifacts());
        assertArrayEquals(idx, again.state.allArrays().get(Points.KEY), 0, "the subset depends only on the stream's seed");
    }

    @Test
    void moreRequestedPointsThanSamplesUsesThemAll() {
        FakeSnapshot s = snapshot(1, Map.of());
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, out);
        assertEquals(12, out.get("points"));
    }

    @Test
    void theSumOverOutputsIsTheSumOfEachOutputsGram() {
        FakeSnapshot s = snapshot(3, Map.of("points", 6L, "outputs", "sum"));
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, out);
        int[] rows = {0, 1, 2, 3, 4, 5};
        double trace = 0;
        for (int o = 0; o < 3; o++) {
            trace += KernelStats.trace(6, gram(s, rows, new int[] {o}));
        }
        assertEquals(trace, out.get("trace"), 1e-10 * trace);
        FakeSnapshot one = snapshot(3, Map.of("points", 6L, "output", 2L));
        RecordingSink o2 = new RecordingSink().acceptingArtifacts();
        ntk.analyze(one, o2);
        assertEquals(KernelStats.trace(6, gram(one, rows, new int[] {2})), o2.get("trace"), 1e-10 * o2.get("trace"));
        FakeSnapshot bad = snapshot(3, Map.of("output", 3L));
        assertEquals("output", assertThrows(InvalidInputException.class, () -> ntk.analyze(bad, new RecordingSink().acceptingArtifacts())).where());
    }

    @Test
    void theGramIsSavedAsNpyWithItsIndicesAtTheEnds() {
        FakeSnapshot s = snapshot(1, Map.of("points", 4L, "save", true, "sample", "random"));
        RecordingSink first = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, first);
        assertEquals(List.of("ntk-step0.npy", "ntk-step0-indices.npy"), List.copyOf(first.artifacts.keySet()));
        NpyReader.Array k = NpyReader.parse(first.artifacts.get("ntk-step0.npy"));
        NpyReader.Array idx = NpyReader.parse(first.artifacts.get("ntk-step0-indices.npy"));
        assertArrayEquals(new int[] {4, 4}, k.shape());
        assertArrayEquals(s.state.allArrays().get(Points.KEY), idx.data(), 0);
        int[] rows = new int[4];
        for (int i = 0; i < 4; i++) {
            rows[i] = (int) idx.data()[i];
        }
        assertTrue(Nets.relative(k.data(), gram(s, rows, new int[] {0})) < 1e-10);
        s.step = 7;
        RecordingSink middle = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, middle);
        assertTrue(middle.artifacts.isEmpty());
        s.step = 9;
        s.isFinal = true;
        RecordingSink last = new RecordingSink().acceptingArtifacts();
        ntk.analyze(s, last);
        assertEquals(List.of("ntk-step9.npy", "ntk-step9-indices.npy"), List.copyOf(last.artifacts.keySet()));

        Map<String, Object> every = new HashMap<>(Map.of("points", 4L, "save", true, "saveAt", "every", "filePrefix", "K"));
        FakeSnapshot e = snapshot(1, every);
        ntk.analyze(e, new RecordingSink().acceptingArtifacts());
        e.step = 3;
        RecordingSink mid = new RecordingSink().acceptingArtifacts();
        ntk.analyze(e, mid);
        assertEquals(List.of("K-step3.npy", "K-step3-indices.npy"), List.copyOf(mid.artifacts.keySet()));
    }

    @Test
    void aModelWithoutPiecesTakesTheJacobianPathWithTheSameResult() {
        Batch train = Nets.sphere(9, 3, 1, 7);
        LinearModel with = new LinearModel(3, 1, true, true);
        LinearModel without = new LinearModel(3, 1, true, false);
        Params w = Nets.point(with, 8);
        RecordingSink a = new RecordingSink().acceptingArtifacts();
        RecordingSink b = new RecordingSink().acceptingArtifacts();
        ntk.analyze(Nets.snapshot(w, with, Nets.data(train), Config.empty()), a);
        ntk.analyze(Nets.snapshot(w, without, Nets.data(train), Config.empty()), b);
        assertEquals(1, a.get("structured"));
        assertEquals(0, b.get("structured"));
        for (String m : List.of("lambda_min", "lambda_max", "trace", "alignment")) {
            assertEquals(a.get(m), b.get(m), 1e-12 * Math.max(1, Math.abs(a.get(m))), m);
        }
        FakeSnapshot forced = Nets.snapshot(w, without, Nets.data(train), Config.of(Map.of("path", "structured")));
        assertEquals("path", assertThrows(InvalidInputException.class, () -> ntk.analyze(forced, new RecordingSink().acceptingArtifacts())).where());
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new NtkAnalyzer(), new LinearizedAnalyzer(), new BoundsAnalyzer());
    }
}
