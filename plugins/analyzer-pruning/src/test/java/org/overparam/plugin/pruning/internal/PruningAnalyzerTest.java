package org.overparam.plugin.pruning.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;
import org.overparam.testkit.SchemaCheck;
import org.overparam.testkit.TestLosses;

/** {@code pruning} on fc nets with Caron et al.'s per-node multipliers and without. */
class PruningAnalyzerTest {
    private final PruningAnalyzer pruning = new PruningAnalyzer();

    private static FakeSnapshot snapshot(double alpha, Map<String, Object> config, int nTest) {
        Model inner = Fixtures.fc(3, 40, 1, 1, false);
        Scaling scaling = Fixtures.scaling(inner, alpha);
        Model model = scaling.wrap(inner);
        FakeSnapshot s = new FakeSnapshot(Fixtures.point(model, 11), model, Fixtures.data(15, nTest, 3, 1), Config.of(config));
        s.scaling = scaling;
        s.step = 100;
        s.isFinal = true;
        s.random = RandomStream.of(1);
        s.loss = batch -> TestLosses.valuesOnly(TestLosses.squared(batch.targets()));
        s.oracle = null;
        return s;
    }

    /** @return {@code 1/2 sum (f - y)^2} */
    private static double squared(double[] f, double[] y) {
        return TestLosses.squared(y).evaluate(f, null);
    }

    @Test
    void theRiskCurveRunsFromTheUnprunedNetToAnEmptyOne() {
        FakeSnapshot s = snapshot(0.5, Map.of(), 10);
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        pruning.analyze(s, out);
        assertEquals(40, out.get("nodes"));
        assertEquals(0, out.get("symmetric"));
        double[][] train = out.series.get("train_risk");
        assertEquals(21, train[0].length);
        assertEquals(0.05, train[0][1], 0);
        assertEquals(0.15, train[0][3], 0);
        assertEquals(1.0, train[0][20], 0);
        Data d = s.data;
        assertEquals(squared(s.model.forward(s.current, d.train()).output(), d.train().targets()), train[1][0], 1e-12);
        assertEquals(squared(new double[15], d.train().targets()), train[1][20], 1e-12, "no nodes: f = 0");
        assertEquals(PruningAnalyzer.area(train[0], train[1]), out.get("train_risk_auc"), 0);
        assertTrue(out.series.containsKey("test_risk"));
        // Half the nodes, removed in the analyzer's order, by hand.
        NodeScores scores = NodeScores.of(s.current, s.scaling);
        Params half = new Pruner(s.current.layout(), scores.outputBlock(), false).prune(s.current, scores.pruningOrder(), 20);
        assertEquals(squared(s.model.forward(half, d.train()).output(), d.train().targets()), train[1][10], 1e-12);
        String csv = new String(out.artifacts.get("transfer-top10-step100.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("rank,node,lambda,u2\n0,0,"), csv);
        assertEquals(11, csv.split("\n").length);
    }

    @Test
    void smallLambdaNodesGoFirstSoTheNetLosesLessThanInTheReverseOrder() {
        FakeSnapshot s = snapshot(0.5, Map.of(), 0);
        NodeScores scores = NodeScores.of(s.current, s.scaling);
        int[] order = scores.pruningOrder();
        int[] reverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            reverse[i] = order[order.length - 1 - i];
        }
        Pruner p = new Pruner(s.current.layout(), scores.outputBlock(), false);
        double[] f0 = s.model.forward(s.current, s.data.train()).output();
        double kept = change(s, p.prune(s.current, order, 20), f0);
        double lost = change(s, p.prune(s.current, reverse, 20), f0);
        assertTrue(kept < 0.5 * lost, "at least a factor 2: " + kept + " vs " + lost);
    }

    private static double change(FakeSnapshot s, Params pruned, double[] f0) {
        return squared(s.model.forward(pruned, s.data.train()).output(), f0);
    }

    @Test
    void aSymmetricNetIsFlagged() {
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        pruning.analyze(snapshot(0, Map.of("fractionStep", 0.3, "topK", 3L), 0), out);
        assertEquals(1, out.get("symmetric"));
        assertArrayEquals(new double[] {0, 0.3, 0.6, 0.9, 1.0}, out.series.get("train_risk")[0], 1e-15);
        assertTrue(out.artifacts.containsKey("transfer-top3-step100.csv"));
        assertTrue(!out.series.containsKey("test_risk"));
    }

    @Test
    void activationsUndoTheOutputMultipliers() {
        FakeSnapshot s = snapshot(0.5, Map.of(), 6);
        Batch b = s.data.test();
        NodeScores scores = NodeScores.of(s.current, s.scaling);
        double[] a = Transfer.activations(s.model, s.current, b, scores, s.scaling.scale(scores.outputBlock()));
        List<Activation> hidden = s.model.forward(s.current, b).activations();
        double[] pre = hidden.get(hidden.size() - 1).preActivations();
        for (int i = 0; i < pre.length; i++) {
            assertEquals(Math.max(0, pre[i]), a[i], 1e-12);
        }
    }

    @Test
    void transferFitsReadOutsOnTheTopAndBottomNodes() {
        FakeSnapshot s = snapshot(0.5, Map.of("transfer", true, "topK", 5L), 12);
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        pruning.analyze(s, out);
        assertEquals(5, out.get("transfer_k"));
        assertTrue(Double.isFinite(out.get("transfer_top_risk")) && out.get("transfer_top_risk") >= 0);
        assertTrue(Double.isFinite(out.get("transfer_bottom_risk")) && out.get("transfer_bottom_risk") >= 0);
        FakeSnapshot few = snapshot(0.5, Map.of("transfer", true), 3);
        assertEquals("transfer", assertThrows(InvalidInputException.class, () -> pruning.analyze(few, new RecordingSink().acceptingArtifacts())).where());
    }

    @Test
    void fractionsEndAtOne() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, PruningAnalyzer.fractions(0.25), 1e-15);
        assertArrayEquals(new double[] {0, 0.4, 0.8, 1}, PruningAnalyzer.fractions(0.4), 1e-15);
        assertArrayEquals(new double[] {0, 1}, PruningAnalyzer.fractions(1), 0);
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new PruningAnalyzer());
    }
}
