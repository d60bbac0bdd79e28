package org.overparam.engine.internal.registry;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overparam.api.Analyzer;
import org.overparam.api.Component;
import org.overparam.api.Constraint;
import org.overparam.api.Loss;
import org.overparam.api.Optimizer;
import org.overparam.api.Schedule;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;

/**
 * The run's components, looked up by name in the registry. During setup {@link #resolve} finds a
 * component for one call, waiting a while if it is missing. During the loop the {@code StepGate}
 * looks the step's components up before each step ({@link #lookup}), checks those that changed, and
 * {@link #hold}s them for the step; {@link #release()} lets go of them after it, so an updated plugin
 * bundle takes over at the next step and the old one's classes can be collected.
 *
 * <p>The service object last seen for each component is remembered weakly ({@link #previous}), which is
 * how a swap is noticed and how {@code stale} tells which runs hold which class loaders.
 */
public final class Bindings {
    /** Hears of components that are missing during setup. */
    public interface Swaps {
        /** @param ref the component that is missing right now */
        void waiting(ComponentRef ref);
    }

    private static final long POLL_MILLIS = 50;
    private final ComponentRegistry registry;
    private final long missingWaitMillis;
    private final Swaps swaps;
    private final Map<ComponentRef, WeakReference<Component>> last = new IdentityHashMap<>();
    private Optimizer optimizer;
    private Schedule schedule;
    private Loss loss;
    private List<Constraint> constraints;
    private Map<String, Analyzer> analyzers;

    /**
     * @param registry where components are looked up
     * @param missingWaitMillis how long to wait for a component that went away
     * @param swaps the callback for waits during setup
     */
    public Bindings(ComponentRegistry registry, long missingWaitMillis, Swaps swaps) {
        this.registry = registry;
        this.missingWaitMillis = missingWaitMillis;
        this.swaps = swaps;
    }

    /** @return the registry */
    public ComponentRegistry registry() {
        return registry;
    }

    /** @return how long the run waits for a component that went away before it pauses */
    public long missingWaitMillis() {
        return missingWaitMillis;
    }

    /**
     * Holds the step's components until {@link #release()}.
     *
     * @param optimizer the optimizer
     * @param schedule the schedule
     * @param loss the loss
     * @param constraints the constraints, in the spec's order
     * @param analyzers the analyzers by label
     */
    public void hold(Optimizer optimizer, Schedule schedule, Loss loss, List<Constraint> constraints,
              Map<String, Analyzer> analyzers) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.loss = loss;
        this.constraints = new ArrayList<>(constraints);
        this.analyzers = new HashMap<>(analyzers);
    }

    /** Lets go of the step's components. */
    public void release() {
        optimizer = null;
        schedule = null;
        loss = null;
        constraints = null;
        analyzers = null;
    }

    /** @return the step's optimizer */
    public Optimizer optimizer() {
        return bound(optimizer);
    }

    /** @return the step's schedule */
    public Schedule schedule() {
        return bound(schedule);
    }

    /** @return the step's loss */
    public Loss loss() {
        return bound(loss);
    }

    /** @return the step's constraints, in the spec's order */
    public List<Constraint> constraints() {
        return bound(constraints);
    }

    /**
     * @param label an analyzer's label
     * @return the step's analyzer of that label
     */
    public Analyzer analyzer(String label) {
        return bound(bound(analyzers).get(label));
    }

    /**
     * @param ref a component
     * @param type its service interface
     * @param <T> that type
     * @return its service object now, if present (no waiting)
     */
    public <T extends Component> Optional<T> lookup(ComponentRef ref, Class<T> type) {
        return registry.service(ref.kind(), ref.name(), type);
    }

    /**
     * @param ref a component
     * @return whether a service object was seen for it before
     */
    public boolean seen(ComponentRef ref) {
        return last.containsKey(ref);
    }

    /**
     * @param ref a component
     * @return the service object last seen for it, if it is still reachable
     */
    public Component previous(ComponentRef ref) {
        WeakReference<Component> w = last.get(ref);
        return w == null ? null : w.get();
    }

    /**
     * @param ref a component
     * @param service the service object it is bound to from now on
     */
    public void remember(ComponentRef ref, Component service) {
        last.put(ref, new WeakReference<>(service));
    }

    /** @return the service objects last seen, still reachable (weakly held: for {@code stale}) */
    public List<Object> held() {
        List<Object> out = new ArrayList<>();
        for (WeakReference<Component> w : last.values()) {
            Component c = w.get();
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Looks a component up now for one call during setup, waiting a while if it is missing.
     *
     * @param ref the component
     * @param type its service interface
     * @param <T> that type
     * @return the service object, to use for the current call only
     * @throws ComponentFailure if it stays missing
     */
    public <T extends Component> T resolve(ComponentRef ref, Class<T> type) {
        Optional<T> s = lookup(ref, type);
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
                s = lookup(ref, type);
            }
            if (s.isEmpty()) {
                throw ComponentFailure.missing(ref.kind(), ref.name(), missingWaitMillis);
            }
        }
        T service = s.get();
        remember(ref, service);
        return service;
    }

    private static <T> T bound(T value) {
        if (value == null) {
            throw new IllegalStateException("components are bound only during a step");
        }
        return value;
    }
}
