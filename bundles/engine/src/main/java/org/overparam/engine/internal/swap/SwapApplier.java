package org.overparam.engine.internal.swap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ParamSpec;
import org.overparam.api.run.RunSpec;

/**
 * Applies a swap request at a step boundary: parses it again ({@link SwapChanges}) against the run's
 * components in effect, builds each new component's complete configuration, validates it, and only
 * when every change is valid replaces the optimizer, schedule and/or analyzers in effect
 * ({@link InEffect}). A component given by name keeps the run's values of the parameters it also
 * declares; parameters given in the request override them; every other parameter takes its default, so
 * the new configuration is complete, as a spec's switch is. The optimizer's and analyzers' states stay
 * the run's (the State rule); a schedule given by name counts its steps from the boundary, one whose
 * parameters change keeps its count.
 */
public final class SwapApplier {
    /** The origin of components set by a request, in error messages. */
    static final String ORIGIN = "swap.request";
    private final ComponentRegistry registry;
    private final InEffect effect;
    private long lastLook = Long.MIN_VALUE;

    /**
     * @param registry the components installed now
     * @param effect the components in effect
     */
    SwapApplier(ComponentRegistry registry, InEffect effect) {
        this.registry = registry;
        this.effect = effect;
    }

    /** @return the names of the components in effect, by key ({@code optimizer}, {@code schedule}, {@code analyzers.L}) */
    public Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("optimizer", effect.optimizer().name());
        out.put("schedule", effect.schedule().name());
        for (AnalyzerRef a : effect.analyzers()) {
            out.put("analyzers." + a.label(), a.component().name());
        }
        return out;
    }

    /**
     * @param t the boundary (the next step's index)
     * @param changes the request's changes
     * @param ledger records each change, or {@code null} to apply silently (a resume replaying requests)
     * @throws InvalidInputException if the request does not apply to the run now; nothing changed then
     */
    void apply(long t, List<String> changes, SwapLedger ledger) {
        List<SwapChanges.Target> targets = SwapChanges.parse(changes, registry, names());
        ComponentRef optimizer = effect.optimizer();
        ComponentRef schedule = effect.schedule();
        Map<String, AnalyzerRef> analyzers = new LinkedHashMap<>();
        for (SwapChanges.Target target : targets) {
            switch (target.kind()) {
                case OPTIMIZER -> optimizer = configured(target, optimizer);
                case SCHEDULE -> schedule = configured(target, schedule);
                default -> {
                    AnalyzerRef a = effect.analyzer(target.label());
                    ComponentRef c = configured(target, a.component());
                    analyzers.put(target.label(), new AnalyzerRef(c, a.label(),
                            target.every() == null ? a.every() : target.every()));
                }
            }
        }
        ComponentRef oldOptimizer = effect.optimizer();
        ComponentRef oldSchedule = effect.schedule();
        effect.swap(optimizer, schedule, !schedule.name().equals(oldSchedule.name()), t);
        for (Map.Entry<String, AnalyzerRef> e : analyzers.entrySet()) {
            AnalyzerRef before = effect.analyzer(e.getKey());
            effect.replace(e.getValue());
            if (ledger != null) {
                ledger.requested(t, "analyzers." + e.getKey() + (before.every() == e.getValue().every() ? ""
                        : " (every " + e.getValue().every() + ")"), before.component(), e.getValue().component());
            }
        }
        if (ledger != null && optimizer != oldOptimizer) {
            ledger.requested(t, "optimizer", oldOptimizer, optimizer);
        }
        if (ledger != null && schedule != oldSchedule) {
            ledger.requested(t, "schedule", oldSchedule, schedule);
        }
    }

    private ComponentRef configured(SwapChanges.Target target, ComponentRef from) {
        if (target.name() == null && target.params().isEmpty()) {
            return from;
        }
        String name = target.name() == null ? from.name() : target.name();
        ComponentKind kind = target.kind();
        ComponentInfo info = registry.find(kind, name).orElseThrow(() -> new InvalidInputException(target.key(),
                kind.key() + " " + name + " is not installed right now"));
        Map<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, Object> e : from.config().values().entrySet()) {
            if (info.param(e.getKey()) != null) {
                values.put(e.getKey(), e.getValue());
            }
        }
        values.putAll(target.params());
        Config config = info.configure(values, Map.of(), target.key());
        Map<String, Object> all = new TreeMap<>(config.values());
        for (ParamSpec p : info.params()) {
            if (!all.containsKey(p.name()) && p.defaultValue() != null) {
                all.put(p.name(), p.check(target.key() + ": " + kind.key() + "." + p.name(), p.defaultValue()));
            }
        }
        return new ComponentRef(kind, name, Config.of(all), ORIGIN);
    }

    /**
     * Applies a pending swap request ({@link SwapFiles#take}) at the boundary before step t, looked for
     * at most every 100 ms; records it in {@code swaps.applied} and {@code in-effect.txt}, or logs why it
     * was rejected.
     *
     * @param t the boundary
     * @param folder the run folder
     * @param ledger records the swap
     * @return whether a request was applied
     */
    public boolean poll(long t, Path folder, SwapLedger ledger) {
        long now = System.nanoTime();
        if (lastLook != Long.MIN_VALUE && now - lastLook < StopPoll.POLL_MILLIS * 1_000_000L) {
            return false;
        }
        lastLook = now;
        List<String> changes = SwapFiles.take(folder);
        if (changes == null) {
            return false;
        }
        try {
            apply(t, changes, ledger);
            SwapFiles.append(folder, t, changes);
            SwapFiles.writeInEffect(folder, names());
            return true;
        } catch (InvalidInputException e) {
            ledger.note(t, "swap request " + changes + " rejected: " + e.oneLine());
            return false;
        }
    }

    /**
     * Replays, silently and in boundary order, the spec's switches before k and the swap requests applied
     * up to k (at a boundary the request comes first, as in the loop).
     *
     * @param k the checkpoint's step
     * @param applied the requests applied up to k
     * @param spec the run's spec
     */
    public void replay(long k, List<SwapFiles.Applied> applied, RunSpec spec) {
        List<Long> steps = new ArrayList<>();
        spec.switches().forEach(s -> steps.add(s.at()));
        applied.forEach(a -> steps.add(a.step()));
        steps.sort(null);
        long previous = -1;
        for (long s : steps) {
            if (s == previous) {
                continue;
            }
            previous = s;
            for (SwapFiles.Applied a : applied) {
                if (a.step() == s) {
                    apply(s, a.changes(), null);
                }
            }
            if (s < k) {
                effect.apply(s);
            }
        }
    }
}
