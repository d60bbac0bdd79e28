package org.overparam.plugin.safetensors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.linalg.io.Npy;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/** {@code save-data}: the samples as .npy, row for row as the run holds them, once at step 0. */
class SaveDataTest {
    private static final Shape SHAPE = Shape.of(1, 2, 3);

    private static Batch batch(int n, long seed) {
        double[] x = new double[n * SHAPE.size()];
        RandomStream.of(seed).fillGaussian(x, 1.0);
        double[] y = new double[n * 3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7 + 2) % 3;
            y[i * 3 + labels[i]] = 1;
        }
        return new Batch(SHAPE, n, x, 3, y, labels);
    }

    private static RecordingSink save(long step, Data data, Object... keyValues) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        Params p = Params.zeros(Layouts.fc(6, 2, 1, 3, false));
        FakeSnapshot s = Layouts.snapshot(step, false, p, Scaling.identity(p.layout()), Config.of(m));
        s.data = data;
        RecordingSink sink = new RecordingSink().acceptingArtifacts();
        new SaveDataAnalyzer().analyze(s, sink);
        return sink;
    }

    @Test
    void trainAndTestSamplesAreWrittenRowForRow() throws IOException {
        Batch train = batch(5, 1);
        Batch test = batch(2, 2);
        RecordingSink out = save(0, new Data(train, test, Task.CLASSIFICATION, Map.of(), "five"));
        assertEquals(List.of("data-train-inputs.npy", "data-train-targets.npy", "data-train-labels.npy",
                "data-test-inputs.npy", "data-test-targets.npy", "data-test-labels.npy"), List.copyOf(out.artifacts.keySet()));
        Npy.Array x = Npy.read(out.artifacts.get("data-train-inputs.npy"), "x");
        assertEquals("<f8", x.descr());
        assertArrayEquals(new int[] {5, 1, 2, 3}, x.shape());
        assertArrayEquals(train.inputs(), x.values(), 0);
        Npy.Array y = Npy.read(out.artifacts.get("data-train-targets.npy"), "y");
        assertArrayEquals(new int[] {5, 3}, y.shape());
        assertArrayEquals(train.targets(), y.values(), 0);
        Npy.Array l = Npy.read(out.artifacts.get("data-train-labels.npy"), "l");
        assertEquals("<i8", l.descr());
        assertArrayEquals(new double[] {2, 0, 1, 2, 0}, l.values(), 0);
        assertArrayEquals(test.inputs(), Npy.read(out.artifacts.get("data-test-inputs.npy"), "t").values(), 0);
        assertEquals(5.0, out.scalars.get("n"), 0);
        assertEquals(2.0, out.scalars.get("n_test"), 0);
    }

    @Test
    void regressionWithoutTestSamplesHasNoLabelsOrTestFilesAndLaterStepsWriteNothing() {
        Batch train = new Batch(Shape.of(2), 2, new double[] {1, 2, 3, 4}, 1, new double[] {0.5, -0.5}, null);
        Batch none = new Batch(Shape.of(2), 0, new double[0], 1, new double[0], null);
        Data data = new Data(train, none, Task.REGRESSION, Map.of(), "two");
        assertEquals(List.of("xy-train-inputs.npy", "xy-train-targets.npy"),
                List.copyOf(save(0, data, "filePrefix", "xy").artifacts.keySet()));
        RecordingSink later = save(10, data);
        assertTrue(later.artifacts.isEmpty());
        assertEquals(2.0, later.scalars.get("n"), 0);
    }
}
