package org.overparam.engine.internal.swap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRevisions;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.overparam.api.run.StaleRevision;

/**
 * The old bundle revisions the container keeps, for {@code stale}: every removal-pending bundle's
 * revisions other than its current one that still have a wiring (what the framework keeps until a
 * refresh), with the bundles wired to them and the active runs that hold an object of them or of those
 * bundles; and any further old revision whose class loader an active run still holds an object of (a
 * model built by an architecture since updated). Computed on the caller's thread from weak references.
 */
public final class StaleRevisions {
    private StaleRevisions() {
    }

    /**
     * @param context any bundle context of the framework
     * @param runs the active runs
     * @return the stale revisions, by bundle id
     */
    public static List<StaleRevision> of(BundleContext context, List<RunControl> runs) {
        Map<ClassLoader, Set<String>> holders = new HashMap<>();
        for (RunControl r : runs) {
            for (Object o : r.held()) {
                ClassLoader l = o.getClass().getClassLoader();
                if (l != null) {
                    holders.computeIfAbsent(l, k -> new TreeSet<>()).add(r.id());
                }
            }
        }
        List<StaleRevision> out = new ArrayList<>();
        Set<ClassLoader> seen = new java.util.HashSet<>();
        FrameworkWiring fw = context.getBundle(0).adapt(FrameworkWiring.class);
        for (Bundle b : fw.getRemovalPendingBundles()) {
            boolean uninstalled = b.getState() == Bundle.UNINSTALLED;
            BundleRevision current = b.adapt(BundleRevision.class);
            BundleRevisions revisions = b.adapt(BundleRevisions.class);
            for (BundleRevision r : revisions == null ? List.<BundleRevision>of() : revisions.getRevisions()) {
                BundleWiring w = r.getWiring();
                if (w == null || (!uninstalled && r.equals(current))) {
                    continue;
                }
                Set<String> dependents = new TreeSet<>();
                Set<String> by = new TreeSet<>(holders.getOrDefault(w.getClassLoader(), Set.of()));
                seen.add(w.getClassLoader());
                for (BundleWire wire : w.getProvidedWires(null)) {
                    dependents.add(wire.getRequirer().getSymbolicName());
                    BundleWiring rw = wire.getRequirerWiring();
                    if (rw != null) {
                        by.addAll(holders.getOrDefault(rw.getClassLoader(), Set.of()));
                    }
                }
                out.add(new StaleRevision(b.getBundleId(), r.getSymbolicName(), r.getVersion().toString(), uninstalled,
                        new ArrayList<>(dependents), new ArrayList<>(by)));
            }
        }
        for (Map.Entry<ClassLoader, Set<String>> e : holders.entrySet()) {
            if (seen.contains(e.getKey()) || !(e.getKey() instanceof BundleReference ref)) {
                continue;
            }
            Bundle b = ref.getBundle();
            BundleWiring now = b == null ? null : b.adapt(BundleWiring.class);
            if (b != null && (now == null || now.getClassLoader() != e.getKey())) {
                out.add(new StaleRevision(b.getBundleId(), b.getSymbolicName() == null ? "" : b.getSymbolicName(),
                        "before " + b.getVersion(), b.getState() == Bundle.UNINSTALLED, List.of(),
                        new ArrayList<>(e.getValue())));
            }
        }
        out.sort(java.util.Comparator.comparingLong(StaleRevision::bundleId));
        return out;
    }
}
