package org.overparam.sdk.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The packages a running framework exports, with every version offered, read from the current
 * revision of each installed bundle ({@code osgi.wiring.package} capabilities). The system bundle's
 * exports (the JRE's {@code javax.*} and whatever the launcher adds) are also kept apart.
 *
 * @param versions every exported package's versions, lowest first
 * @param system the packages the system bundle exports
 */
record ContainerPackages(Map<String, List<Version>> versions, Set<String> system) {
    /** Copies the collections. */
    ContainerPackages {
        Map<String, List<Version>> copy = new TreeMap<>();
        versions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        versions = Collections.unmodifiableMap(copy);
        system = Collections.unmodifiableSet(new TreeSet<>(system));
    }

    /**
     * @param context any bundle context of the framework
     * @return what its bundles export now
     */
    static ContainerPackages of(BundleContext context) {
        Map<String, List<Version>> versions = new TreeMap<>();
        Set<String> system = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object name = c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                Object version = c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                if (name instanceof String p) {
                    Version v = version instanceof Version ver ? ver : Version.emptyVersion;
                    List<Version> list = versions.computeIfAbsent(p, k -> new ArrayList<>());
                    if (!list.contains(v)) {
                        list.add(v);
                        Collections.sort(list);
                    }
                    if (b.getBundleId() == 0) {
                        system.add(p);
                    }
                }
            }
        }
        return new ContainerPackages(versions, system);
    }

    /**
     * @param pkg a package
     * @return its exported versions, lowest first (empty if nobody exports it)
     */
    List<Version> of(String pkg) {
        return versions.getOrDefault(pkg, List.of());
    }
}
