package org.overparam.itest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.SpecReader;

/** Small helpers for in-container tests: experiment files written on the fly, and tiny IDX data. */
final class Experiments {
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final Path folder;

    Experiments(SpecReader reader, ExperimentRunner runner) throws IOException {
        this.reader = reader;
        this.runner = runner;
        this.folder = Files.createTempDirectory("overparam-it");
    }

    /** @return the temporary folder experiment files and runs go to */
    Path folder() {
        return folder;
    }

    /**
     * Writes an experiment file and runs it.
     *
     * @param name the file's base name
     * @param yaml the experiment
     * @param overrides key=value overrides
     * @return how the run ended
     */
    RunResult run(String name, String yaml, String... overrides) throws IOException {
        Path file = folder.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return runner.run(reader.read(file, List.of(overrides)), folder.resolve("runs"), RunListener.NONE);
    }

    /** @return the first recorded value of a metric in a run's metrics.csv */
    static double first(RunResult r, String metric) throws IOException {
        return Files.readAllLines(r.directory().resolve("metrics.csv")).stream()
                .filter(l -> l.contains("," + metric + ","))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " in " + r.directory()));
    }

    /**
     * Writes gzipped IDX image and label files of two classes of 4x4 images: class c has bright
     * pixels in row c plus a per-image pattern, so the classes are separable and no two images agree.
     *
     * @param count images per class
     * @return the folder holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz
     */
    Path tinyIdx(int count) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("idx"));
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream im = new DataOutputStream(images);
        DataOutputStream lb = new DataOutputStream(labels);
        im.writeInt(0x803);
        im.writeInt(2 * count);
        im.writeInt(4);
        im.writeInt(4);
        lb.writeInt(0x801);
        lb.writeInt(2 * count);
        for (int i = 0; i < 2 * count; i++) {
            int c = i % 2;
            for (int p = 0; p < 16; p++) {
                int v = (p / 4 == c ? 200 : 20) + (p * 7 + i * 13) % 40;
                im.writeByte(v);
            }
            lb.writeByte(c);
        }
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), labels.toByteArray());
        return dir;
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
