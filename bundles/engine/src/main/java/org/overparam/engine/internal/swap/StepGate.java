package org.overparam.engine.internal.swap;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overparam.api.Analyzer;
import org.overparam.api.Architecture;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.Constraint;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Loss;
import org.overparam.api.Model;
import org.overparam.api.Optimizer;
import org.overparam.api.Schedule;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;

/**
 * Binds a step's components at a step boundary, and pauses the run there when one of them cannot
 * take over. Before each step every component the step may call (optimizer, schedule, loss,
 * constraints, architecture, every analyzer) is looked up by name. A component whose service object
 * changed since the previous step (its bundle was updated or replaced) is checked first:
 * <ul>
 * <li>its parameter schema must still accept the run's values ({@link ComponentInfo#configure});</li>
 * <li>an architecture must build a model of the run's layout (same block names, shapes and roles);
 * the model is then rebuilt with it.</li>
 * </ul>
 * A component that passes is swapped in (recorded by the {@link SwapLedger}); its optimizer or
 * analyzer state stays the run's. A component that is missing is waited for (an update takes it away
 * for a moment) up to the run's missing-component wait. A component that fails a check, or stays
 * missing, PAUSES the run: the {@link Host} writes a checkpoint and says why and what would make the
 * run continue, then the gate looks again every {@value #POLL_MILLIS} ms until every component passes
 * (the run continues by itself), while the host handles stop and swap requests in between.
 */
public final class StepGate {
    /** How often a paused run looks for a compatible component. */
    static final long POLL_MILLIS = 100;
    private static final long WAIT_POLL_MILLIS = 50;

    /**
     * A component the step may call.
     *
     * @param ref the component
     * @param type its service interface
     * @param label an analyzer's label, or null
     */
    public record Need(ComponentRef ref, Class<? extends Component> type, String label) {
    }

    /** What the gate asks of the run. */
    public interface Host {
        /** @return the components the coming step may call (changes after a swap request) */
        List<Need> needs();

        /** @param message why the run pauses and what would make it continue: write a checkpoint, log and notice it */
        void paused(String message);

        /** @param message the run continues: log and notice it */
        void resumed(String message);

        /** Called while paused or waiting, between two looks: handles stop and swap requests (may throw {@link StopSignal}). */
        void idle();

        /** @return the run's model now */
        Model model();

        /** @param raw the model built by a swapped-in architecture (without multipliers), same layout */
        void rebuilt(Model raw);

        /** @return the step the gate opens, for messages */
        long step();
    }

    private record Checked(Map<Need, Component> found, String missing, String problem, Model raw) {
    }

    private final Bindings bindings;
    private final SwapLedger ledger;
    private final UnreadableJars unreadable;
    private final java.util.function.BiFunction<ComponentRef, Architecture, Model> build;
    private final Map<ComponentRef, WeakReference<Component>> rejected = new IdentityHashMap<>();
    private final Map<ComponentRef, String> rejections = new IdentityHashMap<>();

    /**
     * @param bindings the run's lookups
     * @param ledger records swaps
     * @param unreadable the jars of plugins/ that are not readable bundles, for the pause message
     * @param build builds the raw model of an architecture for the run's data
     */
    public StepGate(Bindings bindings, SwapLedger ledger, UnreadableJars unreadable, java.util.function.BiFunction<ComponentRef, Architecture, Model> build) {
        this.bindings = bindings;
        this.ledger = ledger;
        this.unreadable = unreadable;
        this.build = build;
    }

    /**
     * Binds the coming step's components, pausing until they can be bound.
     *
     * @param host the run
     * @throws StopSignal if the run is asked to stop while it waits
     * @throws ComponentFailure if a swapped-in component throws while it is checked
     */
    public void pass(Host host) {
        long missingSince = -1;
        boolean paused = false;
        boolean noticed = false;
        while (true) {
            Checked c = check(host.needs(), host.model().layout());
            if (c.missing() == null && c.problem() == null) {
                commit(host, c);
                if (paused) {
                    host.resumed("step " + host.step() + ": continuing: every component is compatible again");
                }
                return;
            }
            if (c.missing() != null && !paused) {
                long now = System.nanoTime();
                if (missingSince < 0) {
                    missingSince = now;
                }
                if (now - missingSince < bindings.missingWaitMillis() * 1_000_000L) {
                    if (!noticed) {
                        ledger.note(host.step(), "waiting for " + c.missing() + ", which is not installed right now");
                        noticed = true;
                    }
                    sleep(WAIT_POLL_MILLIS);
                    host.idle();
                    continue;
                }
            }
            if (!paused) {
                paused = true;
                host.paused(c.missing() != null ? c.missing() + " is not installed (waited " + bindings.missingWaitMillis()
                        + " ms for it to come back" + unreadable(c.missing()) + "); the run continues by itself when it"
                        + " is installed again (put its jar back in plugins/), or swap it for another with 'overparam"
                        + " swap'" : c.problem());
            }
            sleep(POLL_MILLIS);
            host.idle();
        }
    }

    /** @return for a missing component whose jar was replaced by an unreadable one, a clause saying so */
    private String unreadable(String component) {
        return unreadable.replacing(ledger.bundleOf(component)).map(e -> "; its jar " + e.file()
                + " was replaced by a file that is not a readable bundle: " + e.reason()).orElse("");
    }

    private Checked check(List<Need> needs, Layout layout) {
        Map<Need, Component> found = new LinkedHashMap<>();
        for (Need n : needs) {
            Optional<? extends Component> s = bindings.lookup(n.ref(), n.type());
            if (s.isEmpty()) {
                return new Checked(found, n.ref().kind().key() + " " + n.ref().name(), null, null);
            }
            found.put(n, s.get());
        }
        Model raw = null;
        for (Map.Entry<Need, Component> e : found.entrySet()) {
            ComponentRef ref = e.getKey().ref();
            Component s = e.getValue();
            if (!changed(ref, s)) {
                continue;
            }
            WeakReference<Component> r = rejected.get(ref);
            if (r != null && r.get() == s) {
                return new Checked(found, null, rejections.get(ref), null);
            }
            String problem = configProblem(ref);
            if (problem == null && ref.kind() == ComponentKind.ARCHITECTURE) {
                raw = build.apply(ref, (Architecture) s);
                if (!raw.layout().equals(layout)) {
                    problem = describe(ref) + " builds the layout " + raw.layout() + ", but the run's parameters have the "
                            + "layout " + layout + " (" + LayoutDiff.first(layout, raw.layout()) + "); the run continues by "
                            + "itself when a version that builds " + layout + " is installed (put the previous jar back in "
                            + "plugins/), or stop it with 'overparam stop'";
                }
            }
            if (problem != null) {
                rejected.put(ref, new WeakReference<>(s));
                rejections.put(ref, problem);
                return new Checked(found, null, problem, null);
            }
        }
        return new Checked(found, null, null, raw);
    }

    private boolean changed(ComponentRef ref, Component now) {
        return bindings.seen(ref) && bindings.previous(ref) != now;
    }

    private String configProblem(ComponentRef ref) {
        Optional<ComponentInfo> info = bindings.registry().find(ref.kind(), ref.name());
        if (info.isEmpty()) {
            return null;
        }
        try {
            info.get().configure(ref.config().values(), Map.of(), "");
            return null;
        } catch (InvalidInputException e) {
            return describe(ref) + " no longer accepts the run's parameters " + ref.config().values() + " ("
                    + e.oneLine() + "); the run continues by itself when a version that accepts them is installed (put "
                    + "the previous jar back in plugins/), or swap it with 'overparam swap'";
        }
    }

    private String describe(ComponentRef ref) {
        return ref.kind().key() + " " + ref.name() + bindings.registry().find(ref.kind(), ref.name())
                .map(i -> " (" + i.bundle() + " " + i.version() + ")").orElse("");
    }

    private void commit(Host host, Checked c) {
        Optimizer optimizer = null;
        Schedule schedule = null;
        Loss loss = null;
        List<Constraint> constraints = new ArrayList<>();
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        for (Map.Entry<Need, Component> e : c.found().entrySet()) {
            ComponentRef ref = e.getKey().ref();
            Component s = e.getValue();
            if (changed(ref, s)) {
                ledger.swapped(host.step(), ref);
            }
            bindings.remember(ref, s);
            rejected.remove(ref);
            rejections.remove(ref);
            switch (ref.kind()) {
                case OPTIMIZER -> optimizer = (Optimizer) s;
                case SCHEDULE -> schedule = (Schedule) s;
                case LOSS -> loss = (Loss) s;
                case CONSTRAINT -> constraints.add((Constraint) s);
                case ANALYZER -> analyzers.put(e.getKey().label(), (Analyzer) s);
                default -> { }
            }
        }
        if (c.raw() != null) {
            host.rebuilt(c.raw());
        }
        bindings.hold(optimizer, schedule, loss, constraints, analyzers);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
