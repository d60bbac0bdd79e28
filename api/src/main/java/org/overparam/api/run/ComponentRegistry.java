package org.overparam.api.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;

/**
 * The components present in the container right now, tracked as bundles come and go. The
 * registry hands out components by name for the duration of one call; it never caches plugin
 * objects beyond the service registration's life.
 */
@ProviderType
public interface ComponentRegistry {
    /** @return every component, by kind then name */
    List<ComponentInfo> list();

    /**
     * @param kind a kind
     * @return that kind's components, by name
     */
    List<ComponentInfo> list(ComponentKind kind);

    /**
     * @param kind a kind
     * @param name a short name
     * @return its metadata, if present now
     */
    Optional<ComponentInfo> find(ComponentKind kind, String name);

    /**
     * Waits until a component is present (plugins in the watched folder appear a moment after
     * start), up to the registry's start-up grace period.
     *
     * @param kind a kind
     * @param name a short name
     * @param where the location to name in the error
     * @return its metadata
     * @throws InvalidInputException if it does not appear, suggesting the closest name
     */
    ComponentInfo require(ComponentKind kind, String name, String where);

    /**
     * @param kind a kind
     * @param name a short name
     * @param <T> the kind's service type
     * @param type the kind's service interface
     * @return the service object (use it for one call, then let go), if present now
     */
    <T extends Component> Optional<T> service(ComponentKind kind, String name, Class<T> type);

    /**
     * Where the bundle providing a component (the one {@link #find} answers with) was installed
     * from, for the run's provenance (the SHA-256 of that jar). The default knows no files.
     *
     * @param kind a kind
     * @param name a short name
     * @return the jar or folder the bundle was installed from, if the component is present now and
     *     its bundle's location is a local file
     * @since 1.3
     */
    default Optional<Path> bundleFile(ComponentKind kind, String name) {
        return Optional.empty();
    }
}
