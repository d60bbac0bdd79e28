package org.overparam.sdk.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.ParamSpec;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.SpecReader;

/**
 * The dynamic checks of a plugin in a running framework with Overparam's engine and experiment
 * bundles: install and start it, read its components' metadata from the registry, run a tiny
 * experiment with each ({@link TinyExperiment}), update it in the middle of a run
 * ({@link SwapCheck}) and uninstall it ({@link UnloadCheck}). Experiment files and run folders go
 * under a work folder the caller owns and deletes.
 */
public final class PluginChecks {
    /** How long to wait for a started plugin's components to appear. */
    static final long START_TIMEOUT_MS = 10_000;
    /** How long to wait for a refresh. */
    static final long REFRESH_TIMEOUT_MS = 30_000;
    private final BundleContext context;
    private final ComponentRegistry registry;
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final Path workDir;
    private final AtomicInteger files = new AtomicInteger();

    /**
     * @param context a bundle context of the framework (installs go through it)
     * @param registry the framework's component registry
     * @param reader its experiment reader
     * @param runner its runner
     * @param workDir a folder for experiment files and run folders (created if missing)
     */
    public PluginChecks(BundleContext context, ComponentRegistry registry, SpecReader reader, ExperimentRunner runner,
                        Path workDir) {
        this.context = Objects.requireNonNull(context, "context");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** @return the bundle context the checks install through */
    public BundleContext context() {
        return context;
    }

    /**
     * Installs and starts a plugin jar and waits until each of its components is registered.
     *
     * @param jar the jar
     * @return the started plugin
     * @throws PluginException if the jar is unreadable, or it does not resolve or start (the framework's
     *     reason, on one line); when a bundle of the same name is installed at the jar's version or above,
     *     the jar is installed beside it from a copy of a higher version ({@link SideBySide})
     */
    public InstalledPlugin install(Path jar) throws PluginException {
        PluginJar pj;
        try {
            pj = PluginJar.read(jar);
        } catch (IOException e) {
            throw new PluginException(e.getMessage(), e);
        }
        Bundle installed = SideBySide.installed(context, pj);
        Path source = jar;
        String beside = "";
        if (installed != null) {
            org.osgi.framework.Version version = SideBySide.above(installed.getVersion());
            try {
                source = SideBySide.copy(jar, version, workDir.resolve("jars"));
            } catch (IOException e) {
                throw new PluginException("cannot copy " + jar.getFileName() + " to install it beside the installed "
                        + installed.getSymbolicName() + " " + installed.getVersion() + ": " + e.getMessage(), e);
            }
            beside = "beside the installed " + installed.getSymbolicName() + " " + installed.getVersion() + " (bundle "
                    + installed.getBundleId() + ", left as it is), as version " + version;
        }
        List<PluginComponent> components = new ArrayList<>();
        ComponentCheck.check(pj.descriptors(), components);
        Bundle bundle;
        try {
            bundle = BundleOps.install(context, source);
        } catch (BundleException | IOException e) {
            throw new PluginException("cannot install " + jar.getFileName() + ": " + BundleOps.oneLine(e), e);
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            uninstallQuietly(bundle);
            try {
                BundleOps.refresh(context, List.of(bundle), REFRESH_TIMEOUT_MS);
            } catch (PluginException refresh) {
                e.addSuppressed(refresh);
            }
            throw new PluginException(pj.identity() + " does not start: " + BundleOps.oneLine(e), e);
        }
        InstalledPlugin plugin = new InstalledPlugin(bundle, source, components, beside);
        plugin.rememberLoader();
        awaitComponents(plugin);
        return plugin;
    }

    /**
     * @param plugin an installed plugin
     * @return the check {@code metadata}: every component is in the registry from this bundle, and
     *     each parameter has a description and a default that passes its own range
     */
    public Check metadata(InstalledPlugin plugin) {
        return MetadataCheck.run(registry, plugin);
    }

    /**
     * @param plugin the plugin the component belongs to
     * @param component one of its components
     * @return the tiny experiment that exercises it: the defaults with it in its place (an analyzer
     *     every 10 steps; a constraint with {@code projected-gd} when that optimizer is installed), and
     *     the plugin's own architecture and data set, when it has ones that need no parameter, in place
     *     of {@code fc} and {@code sphere} (an analyzer may work only on its plugin's architecture)
     */
    public TinyExperiment experimentFor(InstalledPlugin plugin, PluginComponent component) {
        TinyExperiment e = TinyExperiment.defaults().name("check-" + component.kind().key());
        for (ComponentKind kind : List.of(ComponentKind.ARCHITECTURE, ComponentKind.DATASET)) {
            if (component.kind() == kind) {
                continue;
            }
            for (PluginComponent other : plugin.components()) {
                if (other.kind() == kind && runnableAlone(plugin, other)) {
                    e = e.with(kind, other.name());
                    break;
                }
            }
        }
        return switch (component.kind()) {
            case ANALYZER -> e.with(ComponentKind.ANALYZER, component.name(), Map.of("every", 10));
            case CONSTRAINT -> registry.find(ComponentKind.OPTIMIZER, "projected-gd").isPresent()
                    ? e.with(ComponentKind.CONSTRAINT, component.name()).with(ComponentKind.OPTIMIZER, "projected-gd",
                            Map.of("lr", 0.2))
                    : e.with(ComponentKind.CONSTRAINT, component.name());
            default -> e.with(component.kind(), component.name());
        };
    }

    /**
     * @param plugin an installed plugin
     * @param component one of its components
     * @return the check {@code run}: the component's tiny experiment ends CONVERGED, COMPLETED or
     *     DIVERGED; skipped when the component has a parameter without default or rejects the tiny
     *     experiment as input it cannot take ({@link InvalidInputException}, e.g. a loss for
     *     classes on regression data), failed when it throws anything else
     */
    public Check tinyRun(InstalledPlugin plugin, PluginComponent component) {
        Optional<ComponentInfo> info = registry.find(component.kind(), component.name());
        if (info.isEmpty() || !ours(plugin, info.get())) {
            return Check.skip("run", component + " is not available from this plugin");
        }
        List<String> required = info.get().params().stream().filter(ParamSpec::required).map(ParamSpec::name).toList();
        if (!required.isEmpty()) {
            return Check.skip("run", component + " needs " + String.join(", ", required)
                    + " (no default): try it in an experiment of your own");
        }
        String rejected = component + " rejects the tiny experiment (try it in an experiment of your own): ";
        try {
            RunResult r = run(experimentFor(plugin, component).yaml(), RunListener.NONE);
            String what = component + ": " + r.status() + " after " + r.steps() + " steps, loss " + format(r.loss());
            if (r.status().isFinished()) {
                return Check.pass("run", what);
            }
            String threw = " threw " + InvalidInputException.class.getSimpleName() + ": ";
            return r.message().contains(threw) ? Check.skip("run", rejected + r.message().substring(
                    r.message().indexOf(threw) + threw.length())) : Check.fail("run", what + ": " + r.message());
        } catch (InvalidInputException e) {
            return Check.skip("run", rejected + e.getMessage());
        } catch (RuntimeException e) {
            return Check.fail("run", component + " threw " + e.getClass().getSimpleName() + ": " + BundleOps.oneLine(e));
        }
    }

    private boolean runnableAlone(InstalledPlugin plugin, PluginComponent component) {
        Optional<ComponentInfo> info = registry.find(component.kind(), component.name());
        return info.isPresent() && ours(plugin, info.get()) && info.get().params().stream().noneMatch(ParamSpec::required);
    }

    /**
     * Reads an experiment and runs it to its end on the calling thread, in the work folder.
     *
     * @param yaml the experiment file's text
     * @param listener the run's listener
     * @return how the run ended
     * @throws InvalidInputException if the experiment is invalid
     */
    public RunResult run(String yaml, RunListener listener) {
        try {
            Files.createDirectories(workDir);
            Path file = workDir.resolve("experiment-" + files.incrementAndGet() + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return runner.run(reader.read(file, List.of()), workDir.resolve("runs"), listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the experiment file in " + workDir, e);
        }
    }

    /**
     * @param plugin an installed plugin
     * @param experiment a run that uses it, of many steps
     * @return the check {@code swap} (see {@link SwapCheck})
     */
    public Check swap(InstalledPlugin plugin, TinyExperiment experiment) {
        return SwapCheck.run(this, plugin, experiment);
    }

    /**
     * Updates the plugin's bundle from a jar (its own jar, or a new version of it) and remembers the
     * new revision's class loader.
     *
     * @param plugin an installed plugin
     * @param jar the jar to update from
     * @throws PluginException if the update fails (the framework's reason)
     */
    public void update(InstalledPlugin plugin, Path jar) throws PluginException {
        try {
            BundleOps.update(plugin.bundle(), jar);
        } catch (BundleException | IOException | IllegalStateException e) {
            throw new PluginException("cannot update " + plugin.identity() + ": " + BundleOps.oneLine(e), e);
        }
        plugin.rememberLoader();
    }

    /**
     * @param plugin an installed plugin, updated at least once
     * @param refresh whether to refresh its bundle first
     * @return the check {@code revisions}: the old revisions' class loaders are collected
     */
    public Check oldRevisions(InstalledPlugin plugin, boolean refresh) {
        return UnloadCheck.oldRevisions(context, plugin, refresh);
    }

    /**
     * Uninstalls the plugin, refreshes, and checks that its class loaders are collected.
     *
     * @param plugin an installed plugin
     * @return the check {@code unload} (see {@link UnloadCheck})
     */
    public Check unload(InstalledPlugin plugin) {
        return UnloadCheck.run(context, plugin);
    }

    private void awaitComponents(InstalledPlugin plugin) {
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() < deadline && !registered(plugin)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean registered(InstalledPlugin plugin) {
        ServiceReference<?>[] refs = plugin.bundle().getRegisteredServices();
        for (PluginComponent c : plugin.components()) {
            boolean service = false;
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                service |= c.name().equals(r.getProperty(Component.NAME))
                        && List.of((String[]) r.getProperty("objectClass")).contains(c.kind().service().getName());
            }
            Optional<ComponentInfo> info = registry.find(c.kind(), c.name());
            if (!service || info.isEmpty() || !ours(plugin, info.get())) {
                return false;
            }
        }
        return true;
    }

    static boolean ours(InstalledPlugin plugin, ComponentInfo info) {
        return info.bundle().equals(plugin.bundle().getSymbolicName())
                && info.version().equals(plugin.bundle().getVersion().toString());
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            return;
        }
    }

    /**
     * @param v a loss
     * @return it with 4 significant digits
     */
    static String format(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.4g", v) : Double.toString(v);
    }
}
