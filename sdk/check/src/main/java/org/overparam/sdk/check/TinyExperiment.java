package org.overparam.sdk.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.overparam.api.ComponentKind;

/**
 * A small experiment file, built in code, that runs in well under a second with the components
 * Overparam ships: 8 points on the unit sphere in R^4 with teacher targets ({@code sphere}), a
 * one-hidden-layer ReLU net of width 64 ({@code fc}) in the NTK parameterization ({@code ntk}), the
 * squared loss ({@code squared}), gradient descent at learning rate 0.2 ({@code gd}) with a
 * {@code constant} schedule, 50 steps, seed 1 (the loss falls from 3.6 to 0.08). Parameters are
 * written sorted by name, so the same experiment always gives the same text. Replace any component with the one under test:
 *
 * <pre>{@code
 * String yaml = TinyExperiment.defaults().with(ComponentKind.OPTIMIZER, "adagrad", Map.of("lr", 0.5)).yaml();
 * }</pre>
 *
 * <p>Analyzers and constraints are added to their lists instead; an analyzer's {@code every} and
 * {@code label} go in its parameters. Immutable: each method returns a new experiment.
 */
public final class TinyExperiment {
    private final String name;
    private final long seed;
    private final long maxSteps;
    private final double targetLoss;
    private final Map<ComponentKind, Entry> components;
    private final List<Entry> analyzers;
    private final List<Entry> constraints;

    private record Entry(String name, Map<String, Object> params) {
    }

    private TinyExperiment(String name, long seed, long maxSteps, double targetLoss, Map<ComponentKind, Entry> components,
                           List<Entry> analyzers, List<Entry> constraints) {
        this.name = name;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.targetLoss = targetLoss;
        this.components = components;
        this.analyzers = analyzers;
        this.constraints = constraints;
    }

    /** @return the experiment described in the class comment */
    public static TinyExperiment defaults() {
        Map<ComponentKind, Entry> c = new EnumMap<>(ComponentKind.class);
        c.put(ComponentKind.DATASET, new Entry("sphere", new TreeMap<String, Object>(Map.of("n", 8, "d", 4))));
        c.put(ComponentKind.ARCHITECTURE, new Entry("fc", new TreeMap<String, Object>(Map.of("width", 64, "depth", 1))));
        c.put(ComponentKind.INITIALIZER, new Entry("ntk", Map.of()));
        c.put(ComponentKind.LOSS, new Entry("squared", Map.of()));
        c.put(ComponentKind.OPTIMIZER, new Entry("gd", Map.of("lr", 0.2)));
        c.put(ComponentKind.SCHEDULE, new Entry("constant", Map.of()));
        return new TinyExperiment("tiny", 1, 50, 0, c, List.of(), List.of());
    }

    /**
     * @param kind a kind
     * @param componentName the component's name
     * @return this experiment with that component at its defaults (added, for analyzers and constraints)
     */
    public TinyExperiment with(ComponentKind kind, String componentName) {
        return with(kind, componentName, Map.of());
    }

    /**
     * @param kind a kind
     * @param componentName the component's name
     * @param params its parameters (numbers, booleans, strings or lists of those)
     * @return this experiment with that component (added, for analyzers and constraints)
     */
    public TinyExperiment with(ComponentKind kind, String componentName, Map<String, ?> params) {
        Entry e = new Entry(Objects.requireNonNull(componentName, "componentName"), new TreeMap<String, Object>(params));
        Map<ComponentKind, Entry> c = new EnumMap<>(components);
        List<Entry> a = new ArrayList<>(analyzers);
        List<Entry> k = new ArrayList<>(constraints);
        switch (kind) {
            case ANALYZER -> a.add(e);
            case CONSTRAINT -> k.add(e);
            default -> c.put(kind, e);
        }
        return new TinyExperiment(name, seed, maxSteps, targetLoss, c, List.copyOf(a), List.copyOf(k));
    }

    /**
     * @param steps the step budget, at least 1
     * @return this experiment with that budget
     */
    public TinyExperiment steps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " is below 1");
        }
        return new TinyExperiment(name, seed, steps, targetLoss, components, analyzers, constraints);
    }

    /**
     * @param loss the loss at which the run stops (0: none)
     * @return this experiment with that target
     */
    public TinyExperiment targetLoss(double loss) {
        return new TinyExperiment(name, seed, maxSteps, loss, components, analyzers, constraints);
    }

    /**
     * @param newSeed the run's seed
     * @return this experiment with that seed
     */
    public TinyExperiment seed(long newSeed) {
        return new TinyExperiment(name, newSeed, maxSteps, targetLoss, components, analyzers, constraints);
    }

    /**
     * @param newName the experiment's name (letters, digits, {@code -}, {@code _})
     * @return this experiment renamed
     */
    public TinyExperiment name(String newName) {
        if (!newName.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("name '" + newName + "' is not letters, digits, - and _");
        }
        return new TinyExperiment(newName, seed, maxSteps, targetLoss, components, analyzers, constraints);
    }

    /**
     * @param kind a kind other than analyzer and constraint
     * @return the name of the run's component of that kind
     */
    public String component(ComponentKind kind) {
        Entry e = components.get(kind);
        return e == null ? null : e.name();
    }

    /** @return the experiment file's text (YAML) */
    public String yaml() {
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(name).append('\n');
        y.append("seed: ").append(seed).append('\n');
        components.forEach((kind, e) -> y.append(kind.key()).append(": ").append(flow(e)).append('\n'));
        list(y, "analyzers", analyzers);
        list(y, "constraints", constraints);
        y.append("stop: {maxSteps: ").append(maxSteps).append(", targetLoss: ").append(number(targetLoss)).append("}\n");
        return y.toString();
    }

    @Override
    public String toString() {
        return yaml();
    }

    private static void list(StringBuilder y, String key, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        y.append(key).append(":\n");
        for (Entry e : entries) {
            y.append("  - ").append(flow(e)).append('\n');
        }
    }

    private static String flow(Entry e) {
        StringBuilder s = new StringBuilder("{name: ").append(quote(e.name()));
        e.params().forEach((k, v) -> s.append(", ").append(k).append(": ").append(value(v)));
        return s.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                l.add(java.lang.reflect.Array.get(v, i));
            }
            return value(l);
        }
        return quote(String.valueOf(v));
    }

    /** Numbers in a form YAML 1.1 reads as numbers: {@code 1.0e-07} rather than {@code 1.0E-7}. */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String exp = s.substring(e + 1);
        return s.substring(0, e) + "e" + (exp.startsWith("-") ? exp : "+" + exp);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
