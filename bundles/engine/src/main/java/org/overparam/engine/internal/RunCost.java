package org.overparam.engine.internal;

import java.util.Optional;
import java.util.OptionalDouble;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentKind;
import org.overparam.api.DataSize;
import org.overparam.api.Dataset;
import org.overparam.api.Model;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;

/**
 * A run's work estimate for {@link org.overparam.api.run.ExperimentRunner#cost}: the raw model's parameter
 * count times the step budget. The model is built from the sizes the data set tells without loading
 * ({@link Dataset#size}), as {@link RunSetup} does for the memory check, with the components the registry
 * holds now (no waiting). Anything that keeps the estimate from being told cheaply (sizes known only after
 * loading, a missing component, a component that refuses its parameters or throws) gives no estimate: the
 * run itself reports the problem when it starts.
 */
final class RunCost {
    private RunCost() {
    }

    /**
     * @param registry where the components are
     * @param spec the run
     * @return parameters x maxSteps, or empty
     */
    static OptionalDouble of(ComponentRegistry registry, RunSpec spec) {
        ComponentRef dataRef = spec.component(ComponentKind.DATASET);
        ComponentRef archRef = spec.component(ComponentKind.ARCHITECTURE);
        try {
            Optional<Dataset> dataset = registry.service(dataRef.kind(), dataRef.name(), Dataset.class);
            Optional<Architecture> arch = registry.service(archRef.kind(), archRef.name(), Architecture.class);
            if (dataset.isEmpty() || arch.isEmpty()) {
                return OptionalDouble.empty();
            }
            Optional<DataSize> size = dataset.get().size(dataRef.config());
            if (size == null || size.isEmpty()) {
                return OptionalDouble.empty();
            }
            Model model = arch.get().build(archRef.config(), size.get().inputShape(), size.get().outputs());
            if (model == null) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((double) model.layout().size() * spec.stop().maxSteps());
        } catch (RuntimeException | LinkageError e) {
            return OptionalDouble.empty();
        }
    }
}
