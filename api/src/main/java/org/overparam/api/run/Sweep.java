package org.overparam.api.run;

import java.util.List;
import java.util.Objects;

/**
 * An experiment expanded into its runs: the grid of every swept key's values (the last axis varies
 * fastest), each point resolved, validated against the components' parameters and pinned to the
 * bundles that provide them (the {@code pinned} mapping of its {@link RunSpec#text()}). A sweep is
 * fixed when it is created: its {@link #manifest()} holds every run's full resolved text, so that
 * editing the experiment or its fragments afterwards changes nothing. The manifest's format is
 * described in {@code docs/experiment-files.md}.
 *
 * @param name the sweep's name: the experiment's name (used in the sweep folder's name)
 * @param source the experiment file the sweep was expanded from
 * @param axes the swept keys in expansion order, e.g. {@code [architecture.width, seed]}; empty for
 *     an experiment without a sweep (one run)
 * @param points the runs in expansion order, at least one
 * @param manifest the manifest as YAML text, to store as {@code sweep.yaml} in the sweep folder
 */
public record Sweep(String name, String source, List<String> axes, List<SweepPoint> points, String manifest) {
    /** Checks the fields and copies the lists. */
    public Sweep {
        Objects.requireNonNull(name, "name");
        source = source == null ? "" : source;
        axes = List.copyOf(axes);
        points = List.copyOf(points);
        Objects.requireNonNull(manifest, "manifest");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a sweep has at least one run");
        }
    }
}
