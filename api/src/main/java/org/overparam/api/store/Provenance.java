package org.overparam.api.store;

import java.util.List;
import java.util.Objects;

/**
 * Where and with what a run was computed: the machine, the JVM, the BLAS behind
 * {@code org.overparam.linalg.Linalg}, Overparam's own version, and every component the run used with
 * the jar it came from. The engine writes it to the run folder as {@code provenance.json} and gives it
 * to the {@link RunStore}.
 *
 * @param host the host name
 * @param os the operating system: name, version and architecture, e.g. {@code Linux 6.1.0 amd64}
 * @param processors the processors available to the JVM
 * @param jvmVendor the JVM's vendor ({@code java.vendor})
 * @param jvmVersion the JVM's version ({@code java.runtime.version})
 * @param blas the dense kernels' implementation, as {@code Linalg.implementation()} names it
 * @param overparamVersion the version of the engine bundle that ran the run
 * @param components every component of the run (switched ones, constraints and analyzers
 *     included), by kind then name
 */
public record Provenance(String host, String os, int processors, String jvmVendor, String jvmVersion, String blas,
                         String overparamVersion, List<ComponentOrigin> components) {
    /** Copies the list; {@code null} texts become empty. */
    public Provenance {
        host = host == null ? "" : host;
        os = os == null ? "" : os;
        jvmVendor = jvmVendor == null ? "" : jvmVendor;
        jvmVersion = jvmVersion == null ? "" : jvmVersion;
        blas = blas == null ? "" : blas;
        overparamVersion = overparamVersion == null ? "" : overparamVersion;
        components = List.copyOf(Objects.requireNonNull(components, "components"));
    }

    /** @return a provenance that knows nothing (runs recorded without one) */
    public static Provenance unknown() {
        return new Provenance("", "", 0, "", "", "", "", List.of());
    }
}
