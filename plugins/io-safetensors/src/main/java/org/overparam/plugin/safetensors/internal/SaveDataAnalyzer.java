package org.overparam.plugin.safetensors.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Data;
import org.overparam.api.MetricSink;
import org.overparam.api.Param;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.Npy;

/**
 * The analyzer {@code save-data}: writes, once at step 0, the samples the run trains and tests on
 * exactly as the loss sees them (after the data set's normalization, subsetting and shuffling) as
 * numpy {@code .npy} files (float64, C order; {@link Npy}):
 *
 * <pre>
 * &lt;filePrefix&gt;-train-inputs.npy    [n, inputShape...]   row i is training sample i
 * &lt;filePrefix&gt;-train-targets.npy   [n, k]               its targets (one-hot for classification)
 * &lt;filePrefix&gt;-train-labels.npy    [n] int64            its class, for classification only
 * &lt;filePrefix&gt;-test-*.npy                               the same for the test samples, if there are any
 * </pre>
 *
 * Sample i is the one the run's {@link org.overparam.api.GradientOracle} calls row i: full-batch
 * methods use the rows in this order, SGD's mini-batches and the NTK's {@code -indices.npy} refer to
 * them by these indices. It records the scalars {@code n} and {@code n_test}.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=save-data",
    ComponentProperties.DESCRIPTION + "=Save the training and test samples as the run uses them (.npy)"})
public final class SaveDataAnalyzer implements Analyzer {

    /** The parameters of {@code save-data}. */
    public @interface Settings {
        /** @return the file names' prefix */
        @Param("files <filePrefix>-train-inputs.npy, -train-targets.npy, -train-labels.npy and -test-*.npy;"
                + " every file-writing analyzer of a run needs its own")
        String filePrefix() default "data";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        String prefix = ArtifactNames.prefix(c.filePrefix());
        Data data = snapshot.data();
        if (snapshot.step() == 0) {
            write(out, prefix + "-train", data.train());
            if (data.test().n() > 0) {
                write(out, prefix + "-test", data.test());
            }
        }
        out.scalar("n", data.train().n());
        out.scalar("n_test", data.test().n());
    }

    private static void write(MetricSink out, String stem, Batch b) {
        int[] dims = b.inputShape().dims();
        int[] shape = new int[dims.length + 1];
        shape[0] = b.n();
        System.arraycopy(dims, 0, shape, 1, dims.length);
        out.artifact(stem + "-inputs.npy", Npy.float64(b.inputs(), shape));
        out.artifact(stem + "-targets.npy", Npy.float64(b.targets(), b.n(), b.outputSize()));
        if (b.labels() != null) {
            out.artifact(stem + "-labels.npy", Npy.int64(b.labels()));
        }
    }
}
