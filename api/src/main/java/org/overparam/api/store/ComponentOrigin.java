package org.overparam.api.store;

import java.util.Objects;
import org.overparam.api.ComponentKind;

/**
 * Where one component a run used came from, as recorded in its provenance.
 *
 * @param kind its kind
 * @param name its short name, e.g. {@code fc}
 * @param bundle the symbolic name of the bundle that provided it
 * @param version that bundle's version
 * @param sha256 the lower-case hexadecimal SHA-256 of the bundle's jar file (64 digits), or an empty
 *     string when the bundle was not installed from a readable local file
 */
public record ComponentOrigin(ComponentKind kind, String name, String bundle, String version, String sha256) {
    /** Checks the fields; a {@code null} hash becomes empty. */
    public ComponentOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        bundle = bundle == null ? "" : bundle;
        version = version == null ? "" : version;
        sha256 = sha256 == null ? "" : sha256;
    }
}
