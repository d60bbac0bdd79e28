package org.overparam.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.SpecReader;
import org.overparam.sdk.check.Check;
import org.overparam.sdk.check.InstalledPlugin;
import org.overparam.sdk.check.PluginChecks;
import org.overparam.sdk.check.PluginException;
import org.overparam.sdk.check.PluginVerifier;
import org.overparam.sdk.check.TinyExperiment;

/**
 * A running Overparam container inside a test: Felix with the API, linalg, the engine, the
 * experiment reader and the components of {@link TinyExperiment} ({@code fc}, {@code ntk},
 * {@code gd} with the schedules, {@code squared}, {@code sphere}), all taken from the class path,
 * where this artifact's Maven dependencies put them. Typical use in a plugin's own test:
 *
 * <pre>{@code
 * try (PluginHarness harness = PluginHarness.start()) {
 *     InstalledPlugin plugin = harness.install(Path.of(System.getProperty("plugin.jar")));
 *     RunResult r = harness.run(harness.tiny().with(ComponentKind.OPTIMIZER, "adagrad", Map.of("lr", 0.5)));
 *     assertEquals(RunStatus.COMPLETED, r.status());
 *     harness.swap(plugin, harness.tiny().with(ComponentKind.OPTIMIZER, "adagrad").steps(200)).assertPassed();
 *     harness.unload(plugin).assertPassed();
 * }
 * }</pre>
 *
 * A plugin jar whose symbolic name is that of a shipped plugin replaces it. Runs go to a temporary
 * work folder, deleted by {@link #close()} with the bundle cache. Not thread-safe: one test thread
 * per harness (runs themselves may be started from several threads through {@link #runner()}).
 */
public final class PluginHarness implements AutoCloseable {
    /** The infrastructure bundles, by symbolic name, in start order. */
    public static final List<String> INFRASTRUCTURE = List.of("org.osgi.util.function", "org.osgi.util.promise",
            "org.osgi.service.component", "org.apache.felix.scr", "com.fasterxml.jackson.core.jackson-annotations",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-databind",
            "org.yaml.snakeyaml", "com.fasterxml.jackson.dataformat.jackson-dataformat-yaml",
            "com.google.guava.failureaccess", "com.google.guava", "org.overparam.linalg",
            "org.overparam.nn", "org.overparam.engine", "org.overparam.experiment");
    /** The shipped plugins a tiny experiment needs, by symbolic name. */
    public static final List<String> DEFAULT_PLUGINS = List.of("org.overparam.plugin.data.synthetic",
            "org.overparam.plugin.arch.fc", "org.overparam.plugin.init.scalings", "org.overparam.plugin.losses",
            "org.overparam.plugin.optim.gd");

    private final Framework framework;
    private final Path workDir;
    private final List<ServiceTracker<?, ?>> trackers;
    private final ComponentRegistry registry;
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final PluginChecks checks;
    private boolean closed;

    private PluginHarness(Framework framework, Path workDir, List<ServiceTracker<?, ?>> trackers) {
        this.framework = framework;
        this.workDir = workDir;
        this.trackers = trackers;
        this.registry = (ComponentRegistry) trackers.get(0).getService();
        this.reader = (SpecReader) trackers.get(1).getService();
        this.runner = (ExperimentRunner) trackers.get(2).getService();
        this.checks = new PluginChecks(framework.getBundleContext(), registry, reader, runner, workDir.resolve("work"));
    }

    /** @return a harness with the infrastructure and the default plugins, started */
    public static PluginHarness start() {
        return builder().start();
    }

    /** @return a builder, to add bundles or leave the default plugins out */
    public static Builder builder() {
        return new Builder();
    }

    /** Chooses what a harness boots. */
    public static final class Builder {
        private boolean defaults = true;
        private final List<String> classPathBundles = new ArrayList<>();
        private final List<Path> jars = new ArrayList<>();

        private Builder() {
        }

        /** @return this builder, booting without {@link #DEFAULT_PLUGINS} */
        public Builder withoutDefaultPlugins() {
            defaults = false;
            return this;
        }

        /**
         * @param symbolicName a bundle on the class path, e.g. a library the plugin imports
         * @return this builder
         */
        public Builder classPathBundle(String symbolicName) {
            classPathBundles.add(symbolicName);
            return this;
        }

        /**
         * @param jar a bundle jar to install and start with the others
         * @return this builder
         */
        public Builder bundle(Path jar) {
            jars.add(jar);
            return this;
        }

        /**
         * @return the started harness, once the registry, the reader and the runner are up and the
         *     default components registered
         * @throws IllegalStateException if a bundle is missing or does not start
         */
        public PluginHarness start() {
            Path work;
            try {
                work = Files.createTempDirectory("overparam-harness-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the harness's work folder", e);
            }
            List<String> names = new ArrayList<>(INFRASTRUCTURE);
            names.addAll(classPathBundles);
            if (defaults) {
                names.addAll(DEFAULT_PLUGINS);
            }
            ClassPathBundles bundles = ClassPathBundles.scan(PluginHarness.class.getClassLoader());
            Framework framework;
            try {
                framework = HarnessFramework.start(bundles, names, jars, work.resolve("felix"));
            } catch (RuntimeException e) {
                HarnessSupport.delete(work);
                throw e;
            }
            List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
            try {
                BundleContext c = framework.getBundleContext();
                trackers.add(HarnessFramework.track(c, ComponentRegistry.class));
                trackers.add(HarnessFramework.track(c, SpecReader.class));
                trackers.add(HarnessFramework.track(c, ExperimentRunner.class));
                PluginHarness h = new PluginHarness(framework, work, trackers);
                if (defaults) {
                    h.awaitDefaults();
                }
                return h;
            } catch (RuntimeException e) {
                trackers.forEach(ServiceTracker::close);
                HarnessFramework.stop(framework);
                HarnessSupport.delete(work);
                throw e;
            }
        }
    }

    /**
     * Installs and starts a plugin jar, replacing an installed bundle of the same symbolic name.
     *
     * @param jar the plugin jar, e.g. {@code target/my-plugin-1.0.0-SNAPSHOT.jar}
     * @return the started plugin, its components registered
     * @throws IllegalStateException if it does not install or start (with the framework's reason)
     */
    public InstalledPlugin install(Path jar) {
        HarnessSupport.makeRoomFor(framework, jar);
        try {
            return checks.install(jar);
        } catch (PluginException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** @return the experiment of {@link TinyExperiment#defaults()}, to change */
    public TinyExperiment tiny() {
        return TinyExperiment.defaults();
    }

    /**
     * @param experiment an experiment
     * @return how its run ended; its folder (spec, metrics, log) is under the work folder
     * @throws org.overparam.api.InvalidInputException if the experiment is invalid
     */
    public RunResult run(TinyExperiment experiment) {
        return run(experiment.yaml());
    }

    /**
     * @param yaml an experiment file's text
     * @return how its run ended
     * @throws org.overparam.api.InvalidInputException if the experiment is invalid
     */
    public RunResult run(String yaml) {
        return checks.run(yaml, RunListener.NONE);
    }

    /**
     * @param yaml an experiment file's text
     * @param listener receives the run's events on the calling thread
     * @return how its run ended
     */
    public RunResult run(String yaml, RunListener listener) {
        return checks.run(yaml, listener);
    }

    /**
     * Updates the plugin from its own jar in the middle of a run of the experiment and compares
     * with the same run without the update.
     *
     * @param plugin an installed plugin
     * @param experiment a run that uses it, of many steps (e.g. 200)
     * @return the check {@code swap}; {@link Check#assertPassed()} in a test
     */
    public Check swap(InstalledPlugin plugin, TinyExperiment experiment) {
        return checks.swap(plugin, experiment);
    }

    /**
     * Uninstalls the plugin, refreshes, and asks for garbage collection until its class loaders
     * are collected (at most 10 times).
     *
     * @param plugin an installed plugin; uninstalled afterwards
     * @return the check {@code unload}; {@link Check#assertPassed()} in a test
     */
    public Check unload(InstalledPlugin plugin) {
        return checks.unload(plugin);
    }

    /**
     * Runs every check of the {@code verify} command on a jar in this harness. An installed bundle of
     * the same symbolic name is uninstalled first; the checks end by uninstalling the jar's bundle.
     *
     * @param jar a plugin jar
     * @return the checks, one per line; see {@link PluginVerifier}
     */
    public List<Check> verify(Path jar) {
        HarnessSupport.makeRoomFor(framework, jar);
        return new PluginVerifier(checks).verify(jar);
    }

    /** @return the harness's checks, for finer control */
    public PluginChecks checks() {
        return checks;
    }

    /** @return the component registry */
    public ComponentRegistry registry() {
        return registry;
    }

    /** @return the experiment reader */
    public SpecReader reader() {
        return reader;
    }

    /** @return the runner */
    public ExperimentRunner runner() {
        return runner;
    }

    /** @return the system bundle's context */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return the work folder (runs, experiment files, bundle cache), deleted by {@link #close()} */
    public Path workDir() {
        return workDir;
    }

    /** Stops the framework and deletes the work folder; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        trackers.forEach(ServiceTracker::close);
        HarnessFramework.stop(framework);
        HarnessSupport.delete(workDir);
    }

    private void awaitDefaults() {
        Map<ComponentKind, String> needed = Map.of(ComponentKind.DATASET, "sphere", ComponentKind.ARCHITECTURE, "fc",
                ComponentKind.INITIALIZER, "ntk", ComponentKind.LOSS, "squared", ComponentKind.OPTIMIZER, "gd",
                ComponentKind.SCHEDULE, "constant");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!needed.entrySet().stream().allMatch(e -> registry.find(e.getKey(), e.getValue()).isPresent())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the default components did not register within 20 s: "
                        + registry.list());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the default components", e);
            }
        }
    }
}
