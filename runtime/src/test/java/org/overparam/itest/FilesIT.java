package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;

/**
 * Files named in experiment files, across the reader, the engine and the plugins: a relative path
 * starts at the experiment file's folder, {@code from-file} with {@code scaling: identity} on
 * weights saved with multipliers gives its notice before the first step (terminal event and
 * run.log), and {@code asymmetric} refuses a lambda file of the wrong length before anything is written.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FilesIT {
    static final String BODY = "dataset: {name: sphere, n: 16, d: 4}\narchitecture: {name: fc, width: 8}\n"
            + "loss: squared\noptimizer: {name: gd, lr: 0.1}\nstop: {maxSteps: 3}\n";

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
    public void ntkWeightsLoadRelativeToTheExperimentWithANoticeAboutTheParameterization() throws Exception {
        Experiments ex = new Experiments(reader, runner);
        RunResult saved = ex.run("save", BODY + "initializer: ntk\nanalyzers: [{name: save-weights}]\n");
        assertEquals(saved.message(), RunStatus.COMPLETED, saved.status());
        Path exp = Files.createDirectories(ex.folder().resolve("exp"));
        Files.copy(saved.directory().resolve("artifacts/weights-final.safetensors"), exp.resolve("w.safetensors"));
        Path file = Files.writeString(exp.resolve("load.yaml"), BODY + "initializer: {name: from-file, file: w.safetensors}\n");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        RunResult r = runner.run(reader.read(file, List.of()), ex.folder().resolve("runs"), events::add);
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        String notice = events.stream().filter(e -> e.type() == RunEvent.Type.NOTICE).map(RunEvent::message)
                .findFirst().orElseThrow(() -> new AssertionError("no notice in " + events));
        assertEquals("from-file: scaling: identity loads w.safetensors as EFFECTIVE weights with every multiplier 1"
                + " (in force: 1 on all blocks), but it was saved with multipliers W1 0.7071, W_out 0.3536: same"
                + " function, other parameterization (NTK, learning-rate scale); scaling: file trains the RAW weights"
                + " under the saved multipliers (docs/weights.md)", notice);
        assertTrue(Files.readString(r.directory().resolve("run.log")).contains("notice: " + notice));
        assertTrue(Files.readString(r.directory().resolve("spec.yaml"))
                .contains("file: " + exp.resolve("w.safetensors").toAbsolutePath().normalize()));

        Path keep = Files.writeString(exp.resolve("keep.yaml"),
                BODY + "initializer: {name: from-file, file: w.safetensors, scaling: file}\n");
        List<RunEvent> quiet = new CopyOnWriteArrayList<>();
        RunResult k = runner.run(reader.read(keep, List.of()), ex.folder().resolve("runs"), quiet::add);
        assertEquals(k.message(), RunStatus.COMPLETED, k.status());
        assertFalse(quiet.stream().anyMatch(e -> e.type() == RunEvent.Type.NOTICE));
    }

    @Test
    public void aLambdaFileOfTheWrongLengthIsRefusedBeforeAnythingIsWritten() throws Exception {
        Experiments ex = new Experiments(reader, runner);
        Path exp = Files.createDirectories(ex.folder().resolve("caron"));
        Files.write(exp.resolve("lambda.npy"), npy(new double[] {0.25, 0.25, 0.125, 0.125, 0.0625, 0.0625, 0.125}));
        Path file = Files.writeString(exp.resolve("caron.yaml"), BODY + "initializer:\n  name: asymmetric\n"
                + "  lambdaFile: lambda.npy\n");
        Path runs = ex.folder().resolve("runs");
        try {
            runner.run(reader.read(file, List.of()), runs, e -> { });
            fail("a lambda file of 7 values for 8 nodes was accepted");
        } catch (InvalidInputException e) {
            assertEquals(file + ":7: initializer.lambdaFile: " + exp.resolve("lambda.npy").toAbsolutePath().normalize()
                    + " has shape [7] but the model has p = 8 nodes: give [8]", e.oneLine());
        }
        assertFalse("nothing written", Files.exists(runs) && Files.list(runs).findAny().isPresent());
    }

    /** @return a one-dimensional float64 .npy file, written here by hand (numpy's format 1.0) */
    static byte[] npy(double[] v) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + v.length + ",), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        byte[] header = (dict + " ".repeat(pad % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + header.length + 8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length).put(header);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }
}
