package org.overparam.engine.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overparam.api.Architecture;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.Constraint;
import org.overparam.api.Loss;
import org.overparam.api.Optimizer;
import org.overparam.api.Schedule;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;

/**
 * The run's components, looked up by name in the registry for one step at a time. {@link #bind()}
 * resolves the step's components before a step, {@link #release()} lets go of them after it, so an
 * updated plugin bundle takes over at the next step and the old one's classes can be collected.
 *
 * <p>A component that has gone (its bundle is being updated) is waited for up to a bound, then the
 * run fails. When a name resolves to another service object than at the previous lookup, the
 * {@link Swaps} callback hears of it (for the run log and a NOTICE event); the run rebuilds its model
 * when the architecture changed ({@link #architectureChanged()}). The optimizer and schedule are the
 * spec's until a switch of the spec replaces them ({@link #use}).
 */
final class Bindings {
    /** Hears of components that changed or went missing between two lookups. */
    interface Swaps {
        /** @param ref the component @param now its metadata now, if known */
        void swapped(ComponentRef ref, Optional<ComponentInfo> now);

        /** @param ref the component that is missing right now */
        void waiting(ComponentRef ref);
    }

    private static final long POLL_MILLIS = 50;
    private final ComponentRegistry registry;
    private final RunSpec spec;
    private final long missingWaitMillis;
    private final Swaps swaps;
    private final Map<ComponentRef, WeakReference<Component>> last = new IdentityHashMap<>();
    private ComponentRef optimizerRef;
    private ComponentRef scheduleRef;
    private Optimizer optimizer;
    private Schedule schedule;
    private Loss loss;
    private List<Constraint> constraints;
    private boolean architectureChanged;

    /**
     * @param registry where components are looked up
     * @param spec the run's components
     * @param missingWaitMillis how long to wait for a component that went away
     * @param swaps the callback for swaps and waits
     */
    Bindings(ComponentRegistry registry, RunSpec spec, long missingWaitMillis, Swaps swaps) {
        this.registry = registry;
        this.spec = spec;
        this.missingWaitMillis = missingWaitMillis;
        this.swaps = swaps;
        this.optimizerRef = spec.component(ComponentKind.OPTIMIZER);
        this.scheduleRef = spec.component(ComponentKind.SCHEDULE);
    }

    /**
     * Makes later {@link #bind()} calls resolve these components: what a switch of the spec does.
     *
     * @param optimizer the optimizer from now on
     * @param schedule the schedule from now on
     */
    void use(ComponentRef optimizer, ComponentRef schedule) {
        this.optimizerRef = optimizer;
        this.scheduleRef = schedule;
    }

    /** Resolves the optimizer, schedule, loss, constraints and architecture for the coming step. */
    void bind() {
        optimizer = resolve(optimizerRef, Optimizer.class);
        schedule = resolve(scheduleRef, Schedule.class);
        loss = resolve(spec.component(ComponentKind.LOSS), Loss.class);
        List<Constraint> c = new ArrayList<>();
        for (ComponentRef ref : spec.constraints()) {
            c.add(resolve(ref, Constraint.class));
        }
        constraints = c;
        ComponentRef arch = spec.component(ComponentKind.ARCHITECTURE);
        WeakReference<Component> before = last.get(arch);
        Architecture a = resolve(arch, Architecture.class);
        architectureChanged |= before != null && before.get() != a;
    }

    /** Lets go of the step's components. */
    void release() {
        optimizer = null;
        schedule = null;
        loss = null;
        constraints = null;
    }

    /** @return whether the architecture resolved to another object since {@link #modelRebuilt()} */
    boolean architectureChanged() {
        return architectureChanged;
    }

    /** Records that the run rebuilt its model with the current architecture. */
    void modelRebuilt() {
        architectureChanged = false;
    }

    /** @return the step's optimizer */
    Optimizer optimizer() {
        return bound(optimizer);
    }

    /** @return the step's schedule */
    Schedule schedule() {
        return bound(schedule);
    }

    /** @return the step's loss */
    Loss loss() {
        return bound(loss);
    }

    /** @return the step's constraints, in the spec's order */
    List<Constraint> constraints() {
        return bound(constraints);
    }

    /**
     * Looks a component up now, waiting a while if it is missing.
     *
     * @param ref the component
     * @param type its service interface
     * @param <T> that type
     * @return the service object, to use for the current step or call only
     * @throws ComponentFailure if it stays missing
     */
    <T extends Component> T resolve(ComponentRef ref, Class<T> type) {
        Optional<T> s = registry.service(ref.kind(), ref.name(), type);
        if (s.isEmpty()) {
            swaps.waiting(ref);
            long deadline = System.nanoTime() + missingWaitMillis * 1_000_000L;
            while (s.isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                s = registry.service(ref.kind(), ref.name(), type);
            }
            if (s.isEmpty()) {
                throw ComponentFailure.missing(ref.kind(), ref.name(), missingWaitMillis);
            }
        }
        T service = s.get();
        WeakReference<Component> before = last.put(ref, new WeakReference<>(service));
        if (before != null && before.get() != service) {
            swaps.swapped(ref, registry.find(ref.kind(), ref.name()));
        }
        return service;
    }

    private static <T> T bound(T value) {
        if (value == null) {
            throw new IllegalStateException("components are bound only during a step");
        }
        return value;
    }
}
