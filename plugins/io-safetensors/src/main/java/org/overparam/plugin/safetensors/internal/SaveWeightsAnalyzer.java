package org.overparam.plugin.safetensors.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Forward;
import org.overparam.api.GradientOracle;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.DType;

/**
 * The analyzer {@code save-weights}: writes the run's weights as a safetensors artifact, one tensor
 * per block under the block's name and shape (PyTorch's layouts), in layout order:
 * {@code <filePrefix>-init.safetensors} at step 0, {@code <filePrefix>-step<k>.safetensors} at each
 * scheduled step {@code k > 0} and {@code <filePrefix>-final.safetensors} after the last step
 * ({@link ArtifactNames}; the prefix is {@code weights} unless set). With the default schedule
 * ({@code every: 0}) that is the initial and the final weights.
 *
 * <p>By default the tensors hold the EFFECTIVE weights, {@code multiplier .* raw}: what the network
 * computes with, so the file loads into a plain PyTorch module (and back here with
 * {@code from-file}) and computes the same function. {@code values: raw} writes the raw values;
 * {@code values: gradient} the full-batch gradient of the training loss at that point with respect
 * to the RAW values (computed as the run's {@link GradientOracle} does, but not counted as one of the
 * run's gradient evaluations; zero in frozen blocks;
 * the gradient with respect to the effective weights is {@code gradient / multiplier}), with the
 * loss there in the metadata entry {@code overparam.loss}. The multipliers, the step and the
 * architecture and initializer with the parameters the run set are recorded in the metadata
 * ({@link Metadata}). It records the scalar {@code bytes}, the size of the file written.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=save-weights",
    ComponentProperties.DESCRIPTION + "=Save the weights as safetensors artifacts (initial, every k steps, final)"})
public final class SaveWeightsAnalyzer implements Analyzer {

    /** The parameters of {@code save-weights}. */
    public @interface Settings {
        /** @return the element type */
        @Param(value = "element type: F64 (exact) or F32 (half the size; PyTorch's default)", options = {"F64", "F32"})
        String dtype() default "F64";

        /** @return which values */
        @Param(value = "effective: the weights the network computes with (PyTorch's view); raw: Overparam's raw"
                + " values, for resuming here with from-file scaling: file; gradient: the full-batch gradient of the"
                + " training loss with respect to the raw values", options = {"effective", "raw", "gradient"})
        String values() default "effective";

        /** @return the file names' prefix */
        @Param("files <filePrefix>-init.safetensors, -step<k>.safetensors, -final.safetensors; every"
                + " file-writing analyzer of a run needs its own")
        String filePrefix() default "weights";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        DType dtype = BlockFile.dtype(c.dtype());
        String values = c.values();
        if (!values.equals(Metadata.EFFECTIVE) && !values.equals(Metadata.RAW) && !values.equals(Metadata.GRADIENT)) {
            throw new InvalidInputException("values", "unknown values '" + values
                    + "'; choose effective, raw or gradient");
        }
        String prefix = ArtifactNames.prefix(c.filePrefix());
        byte[] file = encode(snapshot, dtype, values);
        for (String name : ArtifactNames.at(prefix, snapshot.step(), snapshot.isFinal(), "safetensors")) {
            out.artifact(name, file);
        }
        out.scalar("bytes", file.length);
    }

    /**
     * @param snapshot the run now
     * @param dtype F64 or F32
     * @param which effective, raw or gradient
     * @return the file's bytes
     */
    static byte[] encode(Snapshot snapshot, DType dtype, String which) {
        Params raw = snapshot.params();
        Map<String, String> meta = BlockFile.metadata(snapshot, which);
        Params values = switch (which) {
            case Metadata.EFFECTIVE -> snapshot.scaling().effective(raw);
            case Metadata.GRADIENT -> {
                Params g = Params.zeros(raw.layout());
                meta.put(Metadata.LOSS, Double.toString(gradient(snapshot, raw, g)));
                yield g;
            }
            default -> raw;
        };
        return BlockFile.encode(snapshot, values, meta, dtype);
    }

    /**
     * The full-batch gradient as the run's oracle computes it (the scaled model's backward pass on all
     * training samples, frozen blocks zero), without counting it as a gradient evaluation of the run.
     *
     * @param snapshot the run now
     * @param raw the point; not modified
     * @param gradient receives the gradient with respect to the raw values
     * @return the training loss at the point
     */
    static double gradient(Snapshot snapshot, Params raw, Params gradient) {
        Batch train = snapshot.data().train();
        Model model = snapshot.model();
        Forward f = model.forward(raw, train);
        double[] dOut = new double[train.n() * train.outputSize()];
        double loss = snapshot.loss(train).evaluate(f.output(), dOut);
        model.backward(f, dOut, gradient);
        GradientOracle oracle = snapshot.oracle();
        for (int i = 0; i < gradient.layout().count(); i++) {
            if (!oracle.trainable(i)) {
                java.util.Arrays.fill(gradient.block(i), 0.0);
            }
        }
        return loss;
    }
}
