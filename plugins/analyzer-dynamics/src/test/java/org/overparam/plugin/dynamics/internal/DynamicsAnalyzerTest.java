package org.overparam.plugin.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.LinearModel;
import org.overparam.testkit.RecordingSink;
import org.overparam.testkit.SchemaCheck;

/** {@code dynamics} on a linear model whose losses, accuracies and movements are known by hand. */
class DynamicsAnalyzerTest {
    private final DynamicsAnalyzer dynamics = new DynamicsAnalyzer();
    private final LinearModel regression = new LinearModel(2, 1, true, false);

    private static Batch batch(int k, double[] x, double[] y, int[] labels) {
        return new Batch(Shape.of(2), x.length / 2, x, k, y, labels);
    }

    private Data regressionData(boolean withTest) {
        Batch train = batch(1, new double[] {1, 0, 0, 1, 1, 1}, new double[] {1, 2, 0}, null);
        Batch test = withTest ? batch(1, new double[] {2, 0}, new double[] {1}, null)
                : batch(1, new double[0], new double[0], null);
        return new Data(train, test, Task.REGRESSION, Map.of(), "hand-made");
    }

    @Test
    void regressionRecordsLossesAndRelativeMovement() {
        Params initial = Params.wrap(regression.layout(), new double[][] {{3, 4}, {0}});
        Params current = Params.wrap(regression.layout(), new double[][] {{3.6, 4.8}, {0.5}});
        FakeSnapshot s = new FakeSnapshot(current, initial, regression, regressionData(true), Config.empty());
        RecordingSink out = new RecordingSink();
        dynamics.analyze(s, out);
        assertEquals(List.of("train_loss", "test_loss", "rate", "rate_stderr", "rate_r2", "log_rate",
                "log_rate_stderr", "steps_to_target", "movement.W", "displacement.b", "movement"),
                List.copyOf(out.scalars.keySet()));
        assertTrue(out.series.isEmpty(), "a model with no hidden blocks has no per-node movement");
        assertEquals(0.5 * (3.1 * 3.1 + 3.3 * 3.3 + 8.9 * 8.9), out.scalars.get("train_loss"), 1e-12);
        assertEquals(0.5 * 6.7 * 6.7, out.scalars.get("test_loss"), 1e-12);
        assertEquals(0.2, out.scalars.get("movement.W"), 1e-15);
        assertEquals(0.5, out.scalars.get("displacement.b"), 1e-15);
        assertEquals(Math.sqrt(1.25) / 5, out.scalars.get("movement"), 1e-15);
        assertEquals(1, s.losses);
        assertArrayEquals(new double[] {3, 4}, initial.block(0), 0);
        assertArrayEquals(new double[] {3.6, 4.8}, current.block(0), 0);
    }

    @Test
    void emptyTestSetAndOverallMovementOnly() {
        Params initial = Params.wrap(regression.layout(), new double[][] {{3, 4}, {0}});
        Params current = Params.wrap(regression.layout(), new double[][] {{3.6, 4.8}, {0.5}});
        RecordingSink out = new RecordingSink();
        dynamics.analyze(new FakeSnapshot(current, initial, regression, regressionData(false),
                Config.of(Map.of("perBlock", false))), out);
        assertEquals(List.of("train_loss", "rate", "rate_stderr", "rate_r2", "log_rate", "log_rate_stderr",
                "steps_to_target", "movement"), List.copyOf(out.scalars.keySet()));
        assertTrue(Double.isNaN(out.scalars.get("rate")), "no loss history yet");
        assertTrue(Double.isNaN(out.scalars.get("steps_to_target")));
    }

    @Test
    void stepsToTargetUsesTheAnalyzersTargetElseTheStopRulesElse1e6() {
        Params initial = Params.wrap(regression.layout(), new double[][] {{3, 4}, {0}});
        double[][] history = {{0, 10, 20, 30}, {1e-3, 1e-5, 5e-7, 5e-8}};
        double[] expected = {20, 30, 10};
        double[][] targetAndStop = {{0, 0}, {0, 1e-7}, {1e-4, 1e-7}};
        for (int k = 0; k < expected.length; k++) {
            RecordingSink out = new RecordingSink();
            Map<String, Object> params = targetAndStop[k][0] == 0 ? Map.of("perBlock", false)
                    : Map.of("perBlock", false, "target", targetAndStop[k][0]);
            FakeSnapshot s = new FakeSnapshot(initial.copy(), initial, regression, regressionData(false), Config.of(params));
            s.histories.put("train.loss", history);
            s.targetLoss = targetAndStop[k][1];
            dynamics.analyze(s, out);
            assertEquals(expected[k], out.scalars.get("steps_to_target"), 0, "case " + k);
        }
    }

    @Test
    void aPointStartingAtZeroRecordsDisplacement() {
        Params zero = Params.zeros(regression.layout());
        Params current = Params.wrap(regression.layout(), new double[][] {{0, 3}, {4}});
        RecordingSink out = new RecordingSink();
        dynamics.analyze(new FakeSnapshot(current, zero, regression, regressionData(false), Config.empty()), out);
        assertEquals(3.0, out.scalars.get("displacement.W"), 0);
        assertEquals(4.0, out.scalars.get("displacement.b"), 0);
        assertEquals(5.0, out.scalars.get("displacement"), 0);
    }

    @Test
    void classificationRecordsAccuracyFromLabelsOrOneHotTargets() {
        LinearModel model = new LinearModel(2, 2, true, false);
        Params identity = Params.wrap(model.layout(), new double[][] {{1, 0, 0, 1}, {0, 0}});
        double[] xTrain = {1, 0, 0, 1, 2, 1, 0, 3};
        int[] yTrain = {0, 1, 1, 1};
        double[] xTest = {1, 2, 3, 1};
        int[] yTest = {1, 1};
        for (boolean labels : new boolean[] {true, false}) {
            Batch train = batch(2, xTrain, oneHot(yTrain), labels ? yTrain : null);
            Batch test = batch(2, xTest, oneHot(yTest), labels ? yTest : null);
            Data data = new Data(train, test, Task.CLASSIFICATION, Map.of(), "hand-made");
            RecordingSink out = new RecordingSink();
            dynamics.analyze(new FakeSnapshot(identity, identity.copy(), model, data, Config.empty()), out);
            assertEquals(0.75, out.scalars.get("train_accuracy"), 0);
            assertEquals(0.5, out.scalars.get("test_accuracy"), 0);
            assertEquals(0.0, out.scalars.get("movement.W"), 0);
            assertEquals(0.0, out.scalars.get("displacement.b"), 0);
            assertEquals(0.0, out.scalars.get("movement"), 0);
            assertEquals(0.5 * (4 + 4), out.scalars.get("train_loss"), 1e-15);
        }
    }

    @Test
    void oneSignedOutputPredictsClassOneWhenPositive() {
        double[] targets = {-1, 1, 1, -1};
        Batch withLabels = new Batch(Shape.of(1), 4, new double[4], 1, targets, new int[] {0, 1, 1, 0});
        Batch withoutLabels = new Batch(Shape.of(1), 4, new double[4], 1, targets, null);
        double[] outputs = {-0.3, 0.2, -0.1, 0.0};
        // -0.3 -> class 0 (right), 0.2 -> 1 (right), -0.1 -> 0 (wrong), 0.0 -> 0 (right)
        assertEquals(0.75, Accuracy.of(outputs, withLabels), 0);
        assertEquals(0.75, Accuracy.of(outputs, withoutLabels), 0);
        assertEquals(1.0, Accuracy.of(targets, withLabels), 0);
    }

    @Test
    void argmaxTakesTheFirstOfTies() {
        assertEquals(1, Accuracy.argmax(new double[] {9, 1, 3, 3, 0}, 1, 4));
        assertEquals(0, Accuracy.argmax(new double[] {2, 2}, 0, 2));
    }

    private static double[] oneHot(int[] labels) {
        double[] y = new double[labels.length * 2];
        for (int i = 0; i < labels.length; i++) {
            y[i * 2 + labels[i]] = 1;
        }
        return y;
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new DynamicsAnalyzer());
    }
}
