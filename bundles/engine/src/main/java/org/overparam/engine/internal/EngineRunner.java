package org.overparam.engine.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StaleRevision;
import org.overparam.api.store.RunStore;
import org.overparam.engine.internal.folder.FolderRecord;
import org.overparam.engine.runfolder.RunFileNames;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.StaleRevisions;
import org.overparam.engine.internal.swap.SwapFiles;
import org.overparam.engine.internal.swap.UnreadableJars;

/**
 * The container's {@link ExperimentRunner}: each call runs one {@link Run} on the calling thread,
 * looking its components up in the {@link ComponentRegistry} by name at every step. Several calls
 * may run at once on different threads; they share nothing but the registry. {@link #cost} estimates a
 * run's work from its spec ({@link RunCost}). {@link #resume}
 * continues a run from its checkpoint ({@link Resume}), cutting the {@link RunStore}'s rows back too
 * when a store is present; {@link #requestStop} asks a run to stop ({@link RunLock}), {@link #requestSwap}
 * to swap components ({@link SwapFiles}); {@link #stale} lists the old bundle revisions the container
 * keeps ({@link StaleRevisions}).
 */
@Component(service = ExperimentRunner.class)
public final class EngineRunner implements ExperimentRunner {
    private final ComponentRegistry registry;
    private final BundleContext context;
    private final ActiveRuns runs;
    private final UnreadableJars unreadable;
    private final JarHashes hashes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunStore store;
    /** Rows recorded so far of each unfinished folder {@link #record} was given (a clustered run under way). */
    private final Map<Path, FolderRecord.Recorded> progress = new HashMap<>();

    /**
     * @param context the engine's bundle context (for {@link #stale})
     * @param registry the registry of component services
     * @param runs the engine's active runs, which each run joins while it takes steps
     * @param unreadable the jars of plugins/ that are not readable bundles
     * @param hashes the engine's cache of jar hashes, which its runs share
     */
    @Activate
    public EngineRunner(BundleContext context, @Reference(name = "registry") ComponentRegistry registry,
                        @Reference(name = "runs") ActiveRuns runs,
                        @Reference(name = "unreadable") UnreadableJars unreadable,
                        @Reference(name = "hashes") JarHashes hashes) {
        this.context = context;
        this.registry = registry;
        this.runs = runs;
        this.unreadable = unreadable;
        this.hashes = hashes;
    }

    @Override
    public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(runsDirectory, "runsDirectory");
        return new Run(registry, spec, runsDirectory, listener, Run.MISSING_WAIT_MILLIS)
                .withStore(storeFor(store, runsDirectory))
                .withContainer(runs, unreadable, hashes).execute();
    }

    @Override
    public OptionalDouble cost(RunSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return RunCost.of(registry, spec);
    }

    @Override
    public RunResult resume(Path runFolder, Function<Path, RunSpec> readSpec, RunListener listener) {
        Objects.requireNonNull(runFolder, "runFolder");
        Objects.requireNonNull(readSpec, "readSpec");
        return Resume.resume(registry, runFolder, readSpec, listener, Run.MISSING_WAIT_MILLIS,
                storeFor(store, runFolder.toAbsolutePath().normalize().getParent()), runs, unreadable, hashes);
    }

    /**
     * @param store the container's run store, or {@code null}
     * @param runsDirectory the runs folder a run is started or resumed in
     * @return the store its runs record into: none when the folder holds {@link #NO_STORE_FILE}
     */
    static RunStore storeFor(RunStore store, Path runsDirectory) {
        return runsDirectory != null && Files.exists(runsDirectory.resolve(NO_STORE_FILE)) ? null : store;
    }

    @Override
    public boolean requestStop(Path runFolder) {
        Objects.requireNonNull(runFolder, "runFolder");
        return runs.locks().requestStop(runFolder);
    }

    @Override
    public String requestSwap(Path runFolder, List<String> changes) {
        Objects.requireNonNull(runFolder, "runFolder");
        Objects.requireNonNull(changes, "changes");
        return SwapFiles.request(runFolder, changes, registry, runs.locks());
    }

    @Override
    public boolean record(Path runFolder, Function<Path, RunSpec> readSpec, Collection<String> tags) {
        RunStore s = store;
        if (s == null) {
            return false;
        }
        Path key = runFolder.toAbsolutePath().normalize();
        if (!Files.exists(runFolder.resolve(RunFileNames.RESULT))) {
            synchronized (progress) {
                progress.put(key, FolderRecord.progress(s, registry, runFolder, readSpec, tags,
                        progress.getOrDefault(key, FolderRecord.Recorded.NONE)));
            }
            return true;
        }
        FolderRecord.Recorded recorded;
        synchronized (progress) {
            recorded = progress.getOrDefault(key, FolderRecord.Recorded.NONE);
        }
        FolderRecord.record(s, registry, runFolder, readSpec, tags, recorded);
        synchronized (progress) {
            progress.remove(key);
        }
        return true;
    }

    @Override
    public List<StaleRevision> stale() {
        return StaleRevisions.of(context, runs.list());
    }
}
