package org.overparam.engine.internal.folder;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.linalg.Linalg;

/**
 * Collects a run's {@link Provenance}: the host (from {@code HOSTNAME}, else {@code /etc/hostname},
 * else the resolver, looked up once per engine), the operating system, processors, JVM vendor and
 * version, the BLAS behind {@link Linalg#implementation()}, the engine bundle's version, and for
 * every component of the run its bundle, version and the SHA-256 of the jar its bundle was
 * installed from ({@link ComponentRegistry#bundleFile}, hashed by {@link JarHashes}).
 */
public final class ProvenanceProbe {
    private ProvenanceProbe() {
    }

    /**
     * @param registry where the components' jars are found
     * @param hashes the engine's cache of jar hashes
     * @param infos the run's components as set up (empty when the setup failed)
     * @return the run's provenance; components sorted by kind then name
     */
    public static Provenance of(ComponentRegistry registry, Map<ComponentRef, ComponentInfo> infos, JarHashes hashes) {
        List<ComponentOrigin> components = new ArrayList<>();
        for (Map.Entry<ComponentRef, ComponentInfo> e : infos.entrySet()) {
            ComponentInfo info = e.getValue();
            String sha = registry.bundleFile(info.kind(), info.name())
                    .map(jar -> hashes.sha256(info.bundle(), info.version(), jar)).orElse("");
            ComponentOrigin o = new ComponentOrigin(info.kind(), info.name(), info.bundle(), info.version(), sha);
            if (!components.contains(o)) {
                components.add(o);
            }
        }
        components.sort(Comparator.comparing(ComponentOrigin::kind).thenComparing(ComponentOrigin::name));
        String os = System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " "
                + System.getProperty("os.arch", "");
        return new Provenance(host(), os.strip(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor", ""), System.getProperty("java.runtime.version",
                System.getProperty("java.version", "")), blas(), version(), components);
    }

    private static String blas() {
        try {
            return Linalg.implementation();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: " + e;
        }
    }

    private static String version() {
        Bundle b = FrameworkUtil.getBundle(ProvenanceProbe.class);
        if (b != null) {
            return b.getVersion().toString();
        }
        String v = ProvenanceProbe.class.getPackage().getImplementationVersion();
        return v == null ? "" : v;
    }

    /** @return the host name, looked up once per run (nothing is kept between runs) */
    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            h = etcHostname();
        }
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "";
            }
        }
        return h.strip();
    }

    private static String etcHostname() {
        Path p = Path.of("/etc/hostname");
        try {
            return Files.isReadable(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
