package org.overparam.plugin.safetensors.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.MetricSink;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;

/**
 * The analyzer {@code save-weights}: writes the run's weights as a safetensors artifact, one tensor
 * per block under the block's name and shape (PyTorch's layouts), in layout order:
 * {@code weights-init.safetensors} at step 0, {@code weights-step<k>.safetensors} at each scheduled
 * step {@code k > 0} and {@code weights-final.safetensors} after the last step. With the default
 * schedule ({@code every: 0}) that is the initial and the final weights.
 *
 * <p>By default the tensors hold the EFFECTIVE weights, {@code multiplier .* raw}: what the network
 * computes with, so the file loads into a plain PyTorch module (and back here with
 * {@code from-file}) and computes the same function. The multipliers, the step and the
 * architecture and initializer with the parameters the run set are recorded in the metadata
 * ({@link Metadata}). It records the scalar {@code bytes}, the size of the file written.
 */
@Component(service = Analyzer.class, property = {
    org.overparam.api.Component.NAME + "=save-weights",
    org.overparam.api.Component.DESCRIPTION + "=Save the weights as safetensors artifacts (initial, every k steps, final)"})
public final class SaveWeightsAnalyzer implements Analyzer {

    /** The parameters of {@code save-weights}. */
    public @interface Config {
        /** @return the element type */
        @Param(value = "element type: F64 (exact) or F32 (half the size; PyTorch's default)", options = {"F64", "F32"})
        String dtype() default "F64";

        /** @return which values */
        @Param(value = "effective: the weights the network computes with (PyTorch's view); raw: Overparam's raw"
                + " values, for resuming here with from-file scaling: file", options = {"effective", "raw"})
        String values() default "effective";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Config c = snapshot.config().as(Config.class);
        DType dtype = switch (c.dtype()) {
            case "F64" -> DType.F64;
            case "F32" -> DType.F32;
            default -> throw new InvalidInputException("dtype", "unknown dtype '" + c.dtype() + "'; choose F64 or F32");
        };
        boolean effective = switch (c.values()) {
            case Metadata.EFFECTIVE -> true;
            case Metadata.RAW -> false;
            default -> throw new InvalidInputException("values", "unknown values '" + c.values()
                    + "'; choose effective or raw");
        };
        byte[] file = encode(snapshot, dtype, effective);
        long step = snapshot.step();
        if (step == 0) {
            out.artifact("weights-init.safetensors", file);
        } else if (!snapshot.isFinal()) {
            out.artifact("weights-step" + step + ".safetensors", file);
        }
        if (snapshot.isFinal()) {
            out.artifact("weights-final.safetensors", file);
        }
        out.scalar("bytes", file.length);
    }

    /**
     * @param snapshot the run now
     * @param dtype F64 or F32
     * @param effective whether to write effective (else raw) values
     * @return the file's bytes
     */
    static byte[] encode(Snapshot snapshot, DType dtype, boolean effective) {
        Scaling scaling = snapshot.scaling();
        Params raw = snapshot.params();
        Params values = effective ? scaling.effective(raw) : raw;
        Layout layout = values.layout();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = Metadata.start();
        meta.put(Metadata.VALUES, effective ? Metadata.EFFECTIVE : Metadata.RAW);
        meta.put(Metadata.STEP, Long.toString(snapshot.step()));
        Metadata.component(meta, "overparam.architecture", snapshot.componentName(ComponentKind.ARCHITECTURE),
                snapshot.componentConfig(ComponentKind.ARCHITECTURE));
        Metadata.component(meta, "overparam.initializer", snapshot.componentName(ComponentKind.INITIALIZER),
                snapshot.componentConfig(ComponentKind.INITIALIZER));
        for (int i = 0; i < layout.count(); i++) {
            tensors.put(layout.block(i).name(), Tensor.of(layout.block(i).shape().dims(), values.block(i)));
            Metadata.multiplier(meta, layout.block(i).name(), scaling.scale(i));
        }
        return Safetensors.toBytes(tensors, dtype, meta);
    }
}
