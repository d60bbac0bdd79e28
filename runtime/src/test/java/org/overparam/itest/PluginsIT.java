package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;

/**
 * The plugins of the later issues in Felix: each is registered, and one short experiment runs with
 * each architecture, data set and weight file component, through the real services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginsIT {
    private static final String SPHERE = "dataset: {name: sphere, n: 16, d: 16, target: teacher}\n";
    private static final String TAIL = "initializer: ntk\nloss: squared\n";

    @Inject
    private ComponentRegistry registry;

    @Inject
    private SpecReader reader;

    @Inject
    private ExperimentRunner runner;

    private Experiments experiments;

    /** @return the distribution's bundles */
    @Configuration
    public Option[] config() {
        return DistributionOptions.all();
    }

    @Before
    public void setUp() throws Exception {
        experiments = new Experiments(reader, runner);
    }

    @Test
    public void laterPluginsAreRegistered() {
        String[][] expected = {
            {"architecture", "cnn", "resnet", "gated"},
            {"initializer", "mean-field", "per-layer", "asymmetric", "from-file"},
            {"optimizer", "sgd", "heavy-ball", "nesterov", "projected-gd"},
            {"schedule", "step", "cosine", "warmup"},
            {"constraint", "ball", "neuron-norm"},
            {"dataset", "idx", "csv"},
            {"analyzer", "gated-convert", "save-weights", "ntk", "linearized", "bounds", "pruning"},
        };
        for (String[] row : expected) {
            ComponentKind kind = ComponentKind.byKey(row[0]);
            for (int i = 1; i < row.length; i++) {
                String name = row[i];
                assertTrue(row[0] + " " + name, registry.find(kind, name).isPresent());
            }
        }
    }

    @Test
    public void cnnTrainsOnImagesReadFromVectors() throws Exception {
        RunResult r = experiments.run("cnn", SPHERE
                + "architecture: {name: cnn, channels: [4], kernel: 3, padding: 1, head: flatten, inputShape: [1, 4, 4]}\n"
                + TAIL + "optimizer: {name: gd, lr: 0.2}\nstop: {maxSteps: 60}\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue(r.loss() < 0.5 * Experiments.first(r, "train.loss"));
    }

    @Test
    public void resnetTrains() throws Exception {
        RunResult r = experiments.run("resnet", SPHERE + "architecture: {name: resnet, width: 64, depth: 2}\n"
                + TAIL + "optimizer: {name: gd, lr: 0.5}\nstop: {maxSteps: 60}\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue(r.loss() < 0.5 * Experiments.first(r, "train.loss"));
    }

    @Test
    public void gatedSurrogateConvertsExactlyToReLU() throws Exception {
        RunResult r = experiments.run("gated", SPHERE + "architecture: {name: gated, width: 64, depth: 2}\n"
                + TAIL + "optimizer: {name: gd, lr: 0.5}\nanalyzers: [{name: gated-convert, every: 20}]\n"
                + "stop: {maxSteps: 40}\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue("max_rel_diff " + r.metrics().get("gated-convert.max_rel_diff"),
                r.metrics().get("gated-convert.max_rel_diff") < 1e-9);
        assertEquals(0.0, r.metrics().get("gated-convert.failing_inputs"), 0);
    }

    @Test
    public void idxImagesTrainAnFcNet() throws Exception {
        Path dir = experiments.tinyIdx(8);
        RunResult r = experiments.run("idx", "dataset: {name: idx, dir: '" + dir + "', n: 16, classes: [0, 1]}\n"
                + "architecture: {name: fc, width: 128}\n" + TAIL + "optimizer: {name: gd, lr: 0.5}\n"
                + "analyzers: [{name: dynamics}]\nstop: {maxSteps: 200}\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertEquals(1.0, r.metrics().get("dynamics.train_accuracy"), 0);
    }

    @Test
    public void csvRowsTrainAnFcNet() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 12; i++) {
            double a = Math.cos(i);
            double b = Math.sin(2 * i);
            csv.append(a).append(',').append(b).append(',').append(a * b).append('\n');
        }
        Path file = Files.writeString(experiments.folder().resolve("rows.csv"), csv);
        RunResult r = experiments.run("csv", "dataset: {name: csv, file: '" + file + "'}\n"
                + "architecture: {name: fc, width: 256}\n" + TAIL + "optimizer: {name: gd, lr: 0.5}\nstop: {maxSteps: 100}\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue(r.loss() < 0.1 * Experiments.first(r, "train.loss"));
    }

    @Test
    public void savedWeightsStartANewRunWhereTheOldOneEnded() throws Exception {
        String body = SPHERE + "architecture: {name: fc, width: 64}\nloss: squared\noptimizer: {name: gd, lr: 0.5}\n";
        RunResult first = experiments.run("save", body + "initializer: ntk\nanalyzers: [{name: save-weights}]\n"
                + "stop: {maxSteps: 30}\n");
        Path weights = first.directory().resolve("artifacts/weights-final.safetensors");
        assertTrue(Files.isRegularFile(weights));
        RunResult second = experiments.run("load", body + "initializer: {name: from-file, file: '" + weights + "'}\n"
                + "stop: {maxSteps: 1}\n");
        assertEquals(first.loss(), Experiments.first(second, "train.loss"), 1e-12 * first.loss());
    }
}
