package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;

/**
 * {@code resnet} with conv blocks fed from CSV rows through {@code inputShape}, in Felix: 16 columns
 * read as {@code [1, 4, 4]} images train as the same images given as 4x4 IDX files (the other route
 * to a {@code [1, 4, 4]} sample): the same initial loss and the same loss after 60 GD steps, up to
 * rounding (the two data sets scale pixels in a different order, and idx shuffles the samples).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ResNetInputShapeIT {
    @Inject
    private SpecReader reader;

    @Inject
    private ExperimentRunner runner;

    /** @return the distribution's bundles */
    @Configuration
    public Option[] config() {
        return DistributionOptions.all();
    }

    @Test
    public void csvRowsReadAsImagesTrainLikeTheSameImagesFromIdxFiles() throws Exception {
        Experiments experiments = new Experiments(reader, runner);
        Path dir = experiments.tinyIdx(5);
        StringBuilder csv = new StringBuilder();
        for (int p = 0; p < 16; p++) {
            csv.append('p').append(p).append(',');
        }
        csv.append("y\n");
        for (int i = 0; i < 10; i++) {
            int c = i % 2;
            for (int p = 0; p < 16; p++) {
                csv.append((p / 4 == c ? 200 : 20) + (p * 7 + i * 13) % 40).append(',');
            }
            csv.append(c == 0 ? -1 : 1).append('\n');
        }
        Path file = Files.writeString(experiments.folder().resolve("images.csv"), csv);
        String net = "architecture: {name: resnet, block: conv, channels: 4, depth: 2, train: all";
        String tail = "initializer: ntk\nloss: squared\noptimizer: {name: gd, lr: 0.5}\nstop: {maxSteps: 60}\n";
        RunResult fromCsv = experiments.run("resnet-csv", "dataset: {name: csv, file: '" + file + "'}\n"
                + net + ", inputShape: [1, 4, 4]}\n" + tail);
        RunResult fromIdx = experiments.run("resnet-idx", "dataset: {name: idx, dir: '" + dir + "', n: 10, classes: [0, 1],"
                + " targets: signed}\n" + net + "}\n" + tail);
        assertEquals(fromCsv.message(), RunStatus.COMPLETED, fromCsv.status());
        assertEquals(fromIdx.message(), RunStatus.COMPLETED, fromIdx.status());
        double first = Experiments.first(fromIdx, "train.loss");
        assertEquals("initial loss", first, Experiments.first(fromCsv, "train.loss"), 1e-12 * first);
        assertEquals("loss after 60 steps", fromIdx.loss(), fromCsv.loss(), 1e-10 * fromIdx.loss());
        assertTrue("it trains: " + first + " -> " + fromCsv.loss(), fromCsv.loss() < 0.8 * first);
    }
}
