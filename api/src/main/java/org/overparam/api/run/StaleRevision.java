package org.overparam.api.run;

import java.util.List;
import java.util.Objects;

/**
 * An old revision of a bundle that the container still keeps: the bundle was updated or uninstalled,
 * but its previous code stays wired until the framework refreshes (Overparam defers refreshes while
 * runs are active, see {@code docs/hot-swap.md}), or a run still holds objects of it.
 *
 * @param bundleId the bundle's id
 * @param bundle its symbolic name
 * @param version the old revision's version
 * @param uninstalled whether the bundle itself is gone (uninstalled) rather than updated
 * @param dependents the symbolic names of the bundles still wired to the old revision, sorted
 * @param runs the ids of the active runs holding components of the old revision or of its
 *     dependents, sorted
 * @since 1.4
 */
public record StaleRevision(long bundleId, String bundle, String version, boolean uninstalled, List<String> dependents,
                            List<String> runs) {
    /** Checks the fields and copies the lists. */
    public StaleRevision {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(version, "version");
        dependents = List.copyOf(dependents);
        runs = List.copyOf(runs);
    }
}
