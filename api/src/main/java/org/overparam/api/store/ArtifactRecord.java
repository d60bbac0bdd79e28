package org.overparam.api.store;

import java.util.Objects;

/**
 * A file a run produced beside its metrics: a checkpoint, a plot, saved weights.
 *
 * @param name the artifact's name, unique within its run: its path relative to the run folder with
 *     {@code /} as separator, e.g. {@code artifacts/weights-step100.safetensors}
 * @param path the file's absolute path when it was recorded
 * @param size its size in bytes
 * @param sha256 the lower-case hexadecimal SHA-256 of its content (64 digits)
 */
public record ArtifactRecord(String name, String path, long size, String sha256) {
    /** Checks the fields. */
    public ArtifactRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("artifact " + name + ": size " + size + " is negative");
        }
    }
}
