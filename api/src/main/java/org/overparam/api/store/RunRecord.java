package org.overparam.api.store;

import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SweepPoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A run as the engine registers it in the {@link RunStore} when it starts.
 *
 * @param id the run's id: its folder's name, unique in the store
 * @param name the experiment's name
 * @param folder the run's folder
 * @param spec the resolved spec ({@link RunSpec#text()}, the folder's {@code spec.yaml})
 * @param seed the run's seed
 * @param params the resolved spec flattened to dotted keys as overrides name them, values as text,
 *     e.g. {@code architecture.width=1024}, {@code optimizer=gd}, {@code optimizer.lr=0.02},
 *     {@code seed=1}, {@code stop.maxSteps=3000}, {@code analyzers.0.every=50}; sorted by key
 * @param tags free labels for finding the run again, sorted
 * @param sweep the id of the sweep the run belongs to (the sweep folder's name), or empty
 * @param point the run's key in its sweep ({@link SweepPoint#key()}), or empty
 * @param created when the run started
 * @param provenance where and with what it runs
 */
public record RunRecord(String id, String name, Path folder, String spec, long seed, Map<String, String> params,
                        Set<String> tags, String sweep, String point, Instant created, Provenance provenance) {
    /** Checks the fields and copies the collections; {@code null} sweep and point become empty. */
    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        spec = spec == null ? "" : spec;
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        tags = Collections.unmodifiableSet(new TreeSet<>(tags));
        sweep = sweep == null ? "" : sweep;
        point = point == null ? "" : point;
        Objects.requireNonNull(created, "created");
        provenance = provenance == null ? Provenance.unknown() : provenance;
        if (id.isBlank()) {
            throw new IllegalArgumentException("a run id is not blank");
        }
    }
}
