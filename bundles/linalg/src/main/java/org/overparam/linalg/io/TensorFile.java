package org.overparam.linalg.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of a safetensors file: its tensors by name, in the order of their data in the file
 * (the order they were written in), and the string pairs of its {@code __metadata__} entry.
 *
 * @param tensors the tensors by name (unmodifiable, ordered)
 * @param metadata the metadata (unmodifiable, in header order; empty if the file has none)
 */
public record TensorFile(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** Copies both maps, keeping their order. */
    public TensorFile {
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
