package org.overparam.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.linalg.io.Npy;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.TensorFile;

/**
 * The artifacts for checking a run against other tools, in Felix: one run on CSV rows with two
 * save-weights (weights and gradient), hvp and save-data. The .npy samples and the saved weights
 * give the run's initial loss again through an independent evaluation ({@link TanhNet}); the
 * gradient file matches central differences of that loss and the hvp files (raw and effective
 * coordinates) central differences of its gradient along the saved direction; the CSV notice is in
 * run.log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArtifactsIT {
    private static final int N = 6;
    private static final int D = 3;
    private static final int M = 8;

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

    private static double[] tensor(TensorFile f, String name) {
        return f.tensors().get(name).values();
    }

    private static double multiplier(TensorFile f, String block) {
        return Double.parseDouble(f.metadata().get("overparam.multiplier." + block));
    }

    @Test
    public void theArtifactsLineUpWithTheLossTheRunSaw() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        double[] raw = new double[N * D];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < D; k++) {
                raw[i * D + k] = Math.cos(1.7 * i + 2.3 * k) * (1 + 0.4 * i);
                csv.append(raw[i * D + k]).append(',');
            }
            csv.append(Math.sin(i)).append('\n');
        }
        Path file = Files.writeString(experiments.folder().resolve("rows.csv"), csv);
        RunResult r = experiments.run("artifacts", "dataset: {name: csv, file: '" + file + "'}\n"
                + "architecture: {name: fc, width: " + M + ", activation: tanh}\ninitializer: ntk\nloss: squared\n"
                + "optimizer: {name: gd, lr: 0.1}\nstop: {maxSteps: 2}\nanalyzers:\n  - save-weights\n"
                + "  - {name: save-weights, label: grad, values: gradient, filePrefix: grad}\n  - hvp\n  - save-data\n"
                + "  - {name: hvp, label: hvp_eff, filePrefix: hvp-eff, coordinates: effective}\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        Path a = r.directory().resolve("artifacts");
        for (String f : new String[] {"weights-init", "weights-final", "grad-init", "grad-final", "hvp-init",
            "hvp-final", "hvp-direction"}) {
            assertTrue(f, Files.isRegularFile(a.resolve(f + ".safetensors")));
        }
        assertTrue(Files.readString(r.directory().resolve("run.log")).contains("dataset csv: normalize: unit changed 6 of 6"
                + " rows"));

        Npy.Array x = Npy.read(Files.readAllBytes(a.resolve("data-train-inputs.npy")), "x");
        Npy.Array y = Npy.read(Files.readAllBytes(a.resolve("data-train-targets.npy")), "y");
        assertArrayEquals(new int[] {N, D}, x.shape());
        assertArrayEquals(new int[] {N, 1}, y.shape());
        for (int i = 0; i < N; i++) {
            double norm = Math.sqrt(raw[i * D] * raw[i * D] + raw[i * D + 1] * raw[i * D + 1]
                    + raw[i * D + 2] * raw[i * D + 2]);
            for (int k = 0; k < D; k++) {
                assertEquals("the CSV row scaled to norm 1, in file order", raw[i * D + k] / norm, x.values()[i * D + k],
                        1e-15);
            }
            assertEquals(Math.sin(i), y.values()[i], 0);
        }

        TensorFile w = Safetensors.read(a.resolve("weights-init.safetensors"));
        double[] w1 = tensor(w, "W1");
        double[] out = tensor(w, "W_out");
        TanhNet net = new TanhNet(M, D, x.values(), y.values());
        double loss = net.loss(w1, out);
        assertEquals("the loss recomputed from the .npy rows and the saved weights", Experiments.first(r, "train.loss"),
                loss, 1e-12 * loss);

        TensorFile g = Safetensors.read(a.resolve("grad-init.safetensors"));
        assertEquals(loss, Double.parseDouble(g.metadata().get("overparam.loss")), 1e-12 * loss);
        checkGradient(net, w1, out, tensor(g, "W1"), tensor(g, "W_out"), multiplier(g, "W1"), multiplier(g, "W_out"));

        TensorFile v = Safetensors.read(a.resolve("hvp-direction.safetensors"));
        TensorFile hv = Safetensors.read(a.resolve("hvp-init.safetensors"));
        checkHvp(net, w1, out, v, hv, multiplier(g, "W1"), multiplier(g, "W_out"));
        checkHvp(net, w1, out, Safetensors.read(a.resolve("hvp-eff-direction.safetensors")),
                Safetensors.read(a.resolve("hvp-eff-init.safetensors")), 1.0, 1.0);
    }

    @Test
    public void idxSamplesAreRecordedInTheOrderTheRunDrewThem() throws IOException {
        Path dir = experiments.tinyIdx(6);
        RunResult r = experiments.run("idx-data", "dataset: {name: idx, dir: '" + dir + "', n: 8, classes: [1, 0]}\n"
                + "architecture: {name: fc, width: 16}\ninitializer: ntk\nloss: squared\noptimizer: {name: gd, lr: 0.1}\n"
                + "stop: {maxSteps: 1}\nanalyzers: [save-data]\n");
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        Path a = r.directory().resolve("artifacts");
        Npy.Array x = Npy.read(Files.readAllBytes(a.resolve("data-train-inputs.npy")), "x");
        Npy.Array labels = Npy.read(Files.readAllBytes(a.resolve("data-train-labels.npy")), "labels");
        Npy.Array y = Npy.read(Files.readAllBytes(a.resolve("data-train-targets.npy")), "y");
        assertArrayEquals(new int[] {8, 1, 4, 4}, x.shape());
        assertArrayEquals(new int[] {8, 2}, y.shape());
        boolean[] used = new boolean[12];
        boolean inFileOrder = true;
        int previous = -1;
        for (int row = 0; row < 8; row++) {
            int match = -1;
            for (int i = 0; i < 12 && match < 0; i++) {
                double[] img = new double[16];
                double norm = 0;
                for (int p = 0; p < 16; p++) {
                    img[p] = ((p / 4 == i % 2 ? 200 : 20) + (p * 7 + i * 13) % 40) / 255.0;
                    norm += img[p] * img[p];
                }
                boolean same = true;
                for (int p = 0; p < 16; p++) {
                    same &= Math.abs(img[p] / Math.sqrt(norm) - x.values()[row * 16 + p]) < 1e-15;
                }
                match = same ? i : -1;
            }
            assertTrue("row " + row + " is an image of the file, scaled to norm 1", match >= 0);
            assertTrue("row " + row + " is a different image", !used[match]);
            used[match] = true;
            inFileOrder &= match > previous;
            previous = match;
            int label = match % 2 == 1 ? 0 : 1;
            assertEquals("classes [1, 0] relabelled in the order given", label, labels.values()[row], 0);
            assertEquals(1.0, y.values()[row * 2 + label], 0);
        }
        assertTrue("the run shuffled the images; the file records the order", !inFileOrder);
    }

    /** The file's raw gradient is multiplier * dF/d(effective), the latter by central differences (h = 1e-6); measured 2.0e-10 relative. */
    private static void checkGradient(TanhNet net, double[] w1, double[] out, double[] g1, double[] gOut, double c1,
                                      double cOut) {
        double h = 1e-6;
        double scale = 0;
        double err = 0;
        for (int b = 0; b < 2; b++) {
            double[] p = b == 0 ? w1 : out;
            double[] g = b == 0 ? g1 : gOut;
            double c = b == 0 ? c1 : cOut;
            for (int j = 0; j < p.length; j++) {
                double keep = p[j];
                p[j] = keep + h;
                double plus = net.loss(w1, out);
                p[j] = keep - h;
                double minus = net.loss(w1, out);
                p[j] = keep;
                double fd = c * (plus - minus) / (2 * h);
                err = Math.max(err, Math.abs(fd - g[j]));
                scale = Math.max(scale, Math.abs(fd));
            }
        }
        assertTrue("gradient vs central differences: max error " + err + " of " + scale, err < 1e-8 * scale);
    }

    /**
     * In raw coordinates {@code H_raw v = M H_eff (M v)} with M the multipliers: the file's H v against
     * central differences of the independent gradient along {@code M v} (h = 1e-5), times M; measured 2.4e-11 relative.
     */
    private static void checkHvp(TanhNet net, double[] w1, double[] out, TensorFile v, TensorFile hv, double c1,
                                 double cOut) {
        double[] v1 = tensor(v, "W1");
        double[] vOut = tensor(v, "W_out");
        double h = 1e-5;
        double[][] gp = {new double[w1.length], new double[out.length]};
        double[][] gm = {new double[w1.length], new double[out.length]};
        double[] p1 = w1.clone();
        double[] pOut = out.clone();
        for (int s = 0; s < 2; s++) {
            double sign = s == 0 ? 1 : -1;
            for (int j = 0; j < p1.length; j++) {
                p1[j] = w1[j] + sign * h * c1 * v1[j];
            }
            for (int j = 0; j < pOut.length; j++) {
                pOut[j] = out[j] + sign * h * cOut * vOut[j];
            }
            double[][] g = s == 0 ? gp : gm;
            net.gradient(p1, pOut, g[0], g[1]);
        }
        double err = 0;
        double scale = 0;
        for (int b = 0; b < 2; b++) {
            double[] file = tensor(hv, b == 0 ? "W1" : "W_out");
            double c = b == 0 ? c1 : cOut;
            for (int j = 0; j < file.length; j++) {
                double fd = c * (gp[b][j] - gm[b][j]) / (2 * h);
                err = Math.max(err, Math.abs(fd - file[j]));
                scale = Math.max(scale, Math.abs(fd));
            }
        }
        assertTrue("H v vs central differences of the gradient: max error " + err + " of " + scale, err < 1e-9 * scale);
    }
}
