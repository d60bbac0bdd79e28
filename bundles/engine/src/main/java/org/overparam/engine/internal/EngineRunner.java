package org.overparam.engine.internal;

import java.nio.file.Path;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;

/**
 * The container's {@link ExperimentRunner}: each call runs one {@link Run} on the calling thread,
 * looking its components up in the {@link ComponentRegistry} by name at every step. Several calls
 * may run at once on different threads; they share nothing but the registry.
 */
@Component(service = ExperimentRunner.class)
public final class EngineRunner implements ExperimentRunner {
    private final ComponentRegistry registry;

    /** @param registry the registry of component services */
    @Activate
    public EngineRunner(@Reference(name = "registry") ComponentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(runsDirectory, "runsDirectory");
        return new Run(registry, spec, runsDirectory, listener, Run.MISSING_WAIT_MILLIS).execute();
    }
}
