package org.overparam.engine.internal.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.overparam.api.Constraint;
import org.overparam.api.Params;
import org.overparam.api.run.ComponentRef;
import org.overparam.engine.internal.registry.Guard;

/**
 * The Euclidean projection onto the run's feasible set, the intersection of its constraints: the
 * identity without constraints, the set's own projection for one, {@link Dykstra}'s algorithm for
 * several. Each set projects around the run's reference point (its initialization) and leaves frozen
 * blocks alone. The constraint services come from the step's bindings at each call.
 */
public final class Projector {
    private final List<ComponentRef> refs;
    private final Supplier<List<Constraint>> services;
    private final Params reference;
    private final boolean[] trainable;

    /**
     * @param refs the run's constraints with their configs
     * @param services the step's constraint services, in the same order
     * @param reference the run's reference point; not modified
     * @param trainable per block, whether it may change
     */
    Projector(List<ComponentRef> refs, Supplier<List<Constraint>> services, Params reference, boolean[] trainable) {
        this.refs = List.copyOf(refs);
        this.services = services;
        this.reference = reference;
        this.trainable = trainable.clone();
    }

    /** @return whether the run has a constraint */
    boolean constrained() {
        return !refs.isEmpty();
    }

    /** @param point projected in place onto the intersection of the run's sets */
    void project(Params point) {
        if (refs.isEmpty()) {
            return;
        }
        List<Constraint> sets = services.get();
        List<Consumer<Params>> projections = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            ComponentRef ref = refs.get(i);
            Constraint c = sets.get(i);
            projections.add(p -> Guard.run(ref, () -> c.project(ref.config(), reference, trainable.clone(), p)));
        }
        Dykstra.project(point, projections, Dykstra.TOLERANCE, Dykstra.MAX_ROUNDS);
    }
}
