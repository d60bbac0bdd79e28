package org.overparam.api.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a clustered sweep ended on its coordinator.
 *
 * @param refused the runs no member would run, by key, with the one-line reason (e.g. a plugin whose
 *     jar no member could match to its pinned SHA-256)
 * @param complete whether every run has a result in the sweep folder ({@code false} when the
 *     coordinator was stopped first: {@code sweep --resume} continues)
 */
public record ClusterResult(Map<String, String> refused, boolean complete) {
    /** Copies the map, sorted by key. */
    public ClusterResult {
        refused = Collections.unmodifiableMap(new TreeMap<>(refused));
    }
}
