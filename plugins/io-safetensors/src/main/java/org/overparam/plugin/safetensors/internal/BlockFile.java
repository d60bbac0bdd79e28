package org.overparam.plugin.safetensors.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;

/**
 * A safetensors file of one value per parameter (weights, a gradient, a direction, {@code H v}): one
 * tensor per block under the block's name and shape, in layout order, with the run's metadata
 * ({@link Metadata}): what the values are, the step, the architecture and initializer with their
 * parameters, and every block's multiplier.
 */
final class BlockFile {
    private BlockFile() {
    }

    /**
     * @param dtype the {@code dtype} parameter
     * @return F64 or F32
     * @throws InvalidInputException naming {@code dtype} for any other value
     */
    static DType dtype(String dtype) {
        return switch (dtype) {
            case "F64" -> DType.F64;
            case "F32" -> DType.F32;
            default -> throw new InvalidInputException("dtype", "unknown dtype '" + dtype + "'; choose F64 or F32");
        };
    }

    /**
     * @param snapshot the run now
     * @param values what the file holds, e.g. {@code effective}
     * @return the metadata to start from: format, values, step
     */
    static Map<String, String> metadata(Snapshot snapshot, String values) {
        Map<String, String> meta = Metadata.start();
        meta.put(Metadata.VALUES, values);
        meta.put(Metadata.STEP, Long.toString(snapshot.step()));
        return meta;
    }

    /**
     * @param snapshot the run now (components, multipliers)
     * @param values one value per parameter; not modified
     * @param meta the metadata so far; the components and multipliers are added to it
     * @param dtype the element type
     * @return the file's bytes
     */
    static byte[] encode(Snapshot snapshot, Params values, Map<String, String> meta, DType dtype) {
        Layout layout = values.layout();
        Metadata.component(meta, "overparam.architecture", snapshot.componentName(ComponentKind.ARCHITECTURE),
                snapshot.componentConfig(ComponentKind.ARCHITECTURE));
        Metadata.component(meta, "overparam.initializer", snapshot.componentName(ComponentKind.INITIALIZER),
                snapshot.componentConfig(ComponentKind.INITIALIZER));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < layout.count(); i++) {
            tensors.put(layout.block(i).name(), Tensor.of(layout.block(i).shape().dims(), values.block(i)));
            Metadata.multiplier(meta, layout.block(i).name(), snapshot.scaling().scale(i));
        }
        return Safetensors.toBytes(tensors, dtype, meta);
    }
}
