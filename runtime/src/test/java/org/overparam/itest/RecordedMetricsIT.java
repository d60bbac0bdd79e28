package org.overparam.itest;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.SpecReader;

/**
 * Every example on the shipped architectures (fc, cnn, resnet, gated) run for 25 steps gives the
 * metrics recorded from the build before these architectures became compositions of
 * org.overparam.nn (commit ebc8e3a, {@code ./overparam run examples/NAME.yaml stop.maxSteps=25},
 * in {@code src/test/resources/recorded-metrics/NAME.csv}): the same rows, and every value within
 * {@value #RELATIVE} relative, {@value #FLOOR} absolute for values near 0 (NaN where NaN was
 * recorded). The examples on Fashion-MNIST run only where the data is installed. The recording used
 * OpenBLAS's AVX2 (Haswell) kernels; its AVX-512 kernels round differently in the last bits (7e-11
 * relative on a ridge solve, 1e-12 on differences of nearly equal losses), so the build runs the ITs
 * with {@code OPENBLAS_CORETYPE=Haswell} (runtime/pom.xml). Every difference is listed, not only the
 * first. The worst
 * relative difference per example goes to {@code target/recorded-metrics.txt}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordedMetricsIT {
    static final double RELATIVE = 1e-13;
    static final double FLOOR = 1e-15;
    private static final String STEPS = "stop.maxSteps=25";

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
    public void everyExampleGivesTheRecordedMetrics() throws IOException {
        Path examples = Path.of(System.getProperty("overparam.examples"));
        Path recorded = examples.resolveSibling("runtime/src/test/resources/recorded-metrics");
        Path runs = Files.createTempDirectory("overparam-recorded");
        boolean fashion = Files.exists(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"));
        List<String> report = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Path file : list(recorded)) {
            String name = file.getFileName().toString().replace(".csv", "");
            boolean needsFashion = Files.readString(examples.resolve(name + ".yaml")).contains("name: idx");
            if (needsFashion && !fashion) {
                continue;
            }
            RunResult r = runner.run(reader.read(examples.resolve(name + ".yaml"), List.of(STEPS)), runs.resolve(name),
                    RunListener.NONE);
            double worst = compare(name, Files.readAllLines(file), Files.readAllLines(r.directory().resolve("metrics.csv")),
                    mismatches);
            report.add(name + " " + worst);
            checked++;
        }
        Files.write(Path.of("target/recorded-metrics.txt"), report);
        assertTrue("metrics off the recording:\n" + String.join("\n", mismatches), mismatches.isEmpty());
        assertTrue("examples checked: " + report, checked >= 10);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /**
     * Compares one example's metrics with its recording, adding a line per difference to {@code mismatches}.
     *
     * @return the worst relative difference
     */
    static double compare(String example, List<String> expected, List<String> actual, List<String> mismatches) {
        if (expected.size() != actual.size()) {
            mismatches.add(example + ": " + expected.size() + " rows recorded, " + actual.size() + " now");
            return Double.NaN;
        }
        double worst = 0;
        for (int i = 1; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            int ce = e.lastIndexOf(',');
            int ca = a.lastIndexOf(',');
            if (!e.substring(0, ce).equals(a.substring(0, ca))) {
                mismatches.add(example + " line " + (i + 1) + ": recorded " + e + ", now " + a);
                continue;
            }
            double x = Double.parseDouble(e.substring(ce + 1));
            double y = Double.parseDouble(a.substring(ca + 1));
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
                if (Double.compare(x, y) != 0) {
                    mismatches.add(example + ": recorded " + e + ", now " + a);
                }
                continue;
            }
            double diff = Math.abs(x - y);
            double scale = Math.max(Math.abs(x), Math.abs(y));
            if (diff > Math.max(RELATIVE * scale, FLOOR)) {
                mismatches.add(example + ": recorded " + e + ", now " + a);
            }
            if (diff > 0) {
                worst = Math.max(worst, diff / scale);
            }
        }
        return worst;
    }
}
