package org.overparam.dashboard.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.StaleRevision;

/**
 * The container as the Container page and {@code GET /api/container} show it: every bundle (id,
 * symbolic name, version, state), the jars of the plugins folder, the components by kind (what
 * {@code list} shows) and the stale revisions (what {@code stale} shows).
 */
final class ContainerView {
    private final BundleContext context;
    private final ComponentRegistry registry;
    private final ExperimentRunner runner;

    ContainerView(BundleContext context, ComponentRegistry registry, ExperimentRunner runner) {
        this.context = context;
        this.registry = registry;
        this.runner = runner;
    }

    /** A bundle's row. */
    record BundleRow(long id, String name, String version, String state) {
    }

    List<BundleRow> bundles() {
        List<BundleRow> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            out.add(new BundleRow(b.getBundleId(), b.getSymbolicName() == null ? b.getLocation() : b.getSymbolicName(),
                    b.getVersion().toString(), state(b.getState())));
        }
        return out;
    }

    List<ComponentInfo> components() {
        return registry.list().stream().sorted(Comparator.comparing((ComponentInfo c) -> c.kind().ordinal())
                .thenComparing(ComponentInfo::name)).toList();
    }

    List<StaleRevision> stale() {
        return runner.stale();
    }

    /** @return the watched plugins folder, or {@code null} when none is configured */
    Path pluginsFolder() {
        String dir = context.getProperty("felix.fileinstall.dir");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** @return the names of the jars in the plugins folder, sorted */
    List<String> plugins() {
        Path dir = pluginsFolder();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    String json() {
        StringBuilder b = new StringBuilder("{\"bundles\":[");
        String sep = "";
        for (BundleRow r : bundles()) {
            b.append(sep).append("{\"id\":").append(r.id()).append(",\"name\":").append(Json.str(r.name()))
                    .append(",\"version\":").append(Json.str(r.version())).append(",\"state\":")
                    .append(Json.str(r.state())).append('}');
            sep = ",";
        }
        b.append("],\"plugins\":").append(Json.strings(plugins())).append(",\"components\":[");
        sep = "";
        for (ComponentInfo c : components()) {
            b.append(sep).append("{\"kind\":").append(Json.str(c.kind().key())).append(",\"name\":")
                    .append(Json.str(c.name())).append(",\"description\":").append(Json.str(c.description()))
                    .append(",\"bundle\":").append(Json.str(c.bundle())).append(",\"version\":")
                    .append(Json.str(c.version())).append('}');
            sep = ",";
        }
        b.append("],\"stale\":[");
        sep = "";
        for (StaleRevision s : stale()) {
            b.append(sep).append("{\"bundleId\":").append(s.bundleId()).append(",\"bundle\":")
                    .append(Json.str(s.bundle())).append(",\"version\":").append(Json.str(s.version()))
                    .append(",\"uninstalled\":").append(s.uninstalled()).append(",\"runs\":")
                    .append(Json.strings(s.runs())).append('}');
            sep = ",";
        }
        return b.append("]}").toString();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
