package org.overparam.api.run;

import java.util.Objects;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;

/**
 * A component chosen by an experiment, with its validated parameters.
 *
 * @param kind its kind
 * @param name its short name
 * @param config its parameters
 * @param origin where it was chosen ({@code file:line}), for errors; may be empty
 */
public record ComponentRef(ComponentKind kind, String name, Config config, String origin) {
    /** Checks the fields. */
    public ComponentRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        origin = origin == null ? "" : origin;
    }
}
