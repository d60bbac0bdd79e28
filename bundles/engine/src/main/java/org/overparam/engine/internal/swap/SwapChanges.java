package org.overparam.engine.internal.swap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.Names;
import org.overparam.api.run.ParamSpec;
import org.overparam.engine.internal.registry.ComponentTable;

/**
 * The changes of a swap request ({@code overparam swap RUN optimizer=nesterov momentum=0.9}), parsed and
 * checked against the registry and the run's components in effect. Keys:
 * <ul>
 * <li>{@code optimizer=NAME}, {@code schedule=NAME}: another component of that kind; the bare
 * {@code PARAM=value} changes that follow belong to it;</li>
 * <li>{@code optimizer.PARAM=value}, {@code schedule.PARAM=value}: a parameter of the component in
 * effect (or of the one named in the same request);</li>
 * <li>{@code analyzers.LABEL=NAME}, {@code analyzers.LABEL.every=K}, {@code analyzers.LABEL.PARAM=value}:
 * the analyzer labelled LABEL (its label, and so its metrics' names, stay).</li>
 * </ul>
 * Every name must be installed and every parameter declared by its component and in range; the run
 * checks the complete configuration again when it applies the request ({@link SwapApplier}).
 */
public final class SwapChanges {
    private static final List<String> KEYS = List.of("optimizer", "optimizer.PARAM", "schedule", "schedule.PARAM",
            "analyzers.LABEL", "analyzers.LABEL.every", "analyzers.LABEL.PARAM");

    /**
     * What one request changes in one component.
     *
     * @param kind OPTIMIZER, SCHEDULE or ANALYZER
     * @param label the analyzer's label, or {@code null}
     * @param name the new component's name, or {@code null} to keep the one in effect
     * @param params the parameters given, by name, as text
     * @param every the analyzer's new interval, or {@code null}
     */
    record Target(ComponentKind kind, String label, String name, Map<String, String> params, Long every) {
        /** @return e.g. {@code optimizer} or {@code analyzers.ntk} */
        String key() {
            return label == null ? kind.key() : "analyzers." + label;
        }
    }

    private SwapChanges() {
    }

    /**
     * @param changes the {@code key=value} changes, in order
     * @param registry the components installed now
     * @param current the names of the run's components in effect, by key ({@code optimizer},
     *     {@code schedule}, {@code analyzers.LABEL})
     * @return one target per component changed, in first-mention order
     * @throws InvalidInputException naming the change of the first problem
     */
    static List<Target> parse(List<String> changes, ComponentRegistry registry, Map<String, String> current) {
        if (changes.isEmpty()) {
            throw new InvalidInputException("swap", "nothing to swap; give changes such as optimizer=nesterov "
                    + "momentum=0.9 or optimizer.lr=0.5");
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        String lastNamed = null;
        for (String change : changes) {
            int eq = change.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(change, "expected key=value, e.g. optimizer=nesterov or optimizer.lr=0.5");
            }
            String key = change.substring(0, eq).strip();
            String value = change.substring(eq + 1).strip();
            String[] parts = key.split("\\.", -1);
            ComponentKind kind = ComponentKind.byKey(parts[0]);
            if (parts[0].equals("analyzers")) {
                if (parts.length < 2 || parts[1].isEmpty() || parts.length > 3) {
                    throw new InvalidInputException(change, "write analyzers.LABEL=NAME, analyzers.LABEL.every=K or "
                            + "analyzers.LABEL.PARAM=value");
                }
                String label = parts[1];
                if (!current.containsKey("analyzers." + label)) {
                    List<String> labels = new ArrayList<>();
                    current.keySet().stream().filter(k -> k.startsWith("analyzers.")).forEach(k -> labels.add(k.substring(10)));
                    throw new InvalidInputException(change, "the run has no analyzer labelled '" + label + "'"
                            + Names.suggestion(label, labels) + (labels.isEmpty() ? "; it has no analyzers"
                            : "; its analyzers: " + String.join(", ", labels)));
                }
                String k = "analyzers." + label;
                if (parts.length == 2) {
                    put(targets, ComponentKind.ANALYZER, label, name(change, ComponentKind.ANALYZER, value, registry), null,
                            null, null);
                    lastNamed = k;
                } else if (parts[2].equals("every")) {
                    put(targets, ComponentKind.ANALYZER, label, null, null, null, every(change, value));
                } else {
                    put(targets, ComponentKind.ANALYZER, label, null, parts[2], value, null);
                }
            } else if (kind == ComponentKind.OPTIMIZER || kind == ComponentKind.SCHEDULE) {
                if (parts.length == 1) {
                    put(targets, kind, null, name(change, kind, value, registry), null, null, null);
                    lastNamed = kind.key();
                } else if (parts.length == 2 && !parts[1].isEmpty()) {
                    put(targets, kind, null, null, parts[1], value, null);
                } else {
                    throw new InvalidInputException(change, "write " + kind.key() + "=NAME or " + kind.key() + ".PARAM=value");
                }
            } else if (kind != null) {
                throw new InvalidInputException(change, "the " + kind.key() + " of a running run cannot be swapped by "
                        + "request" + (kind == ComponentKind.ARCHITECTURE ? " (it defines the parameter layout): update "
                        + "its bundle in plugins/ instead" : "") + "; swappable: optimizer, schedule, analyzers.LABEL");
            } else if (parts.length == 1 && lastNamed != null) {
                Target t = targets.get(lastNamed);
                put(targets, t.kind(), t.label(), null, key, value, null);
            } else {
                String near = Names.closest(parts[0], List.of("optimizer", "schedule", "analyzers"));
                throw new InvalidInputException(change, parts.length == 1 && near == null
                        ? "'" + key + "' does not say which component it belongs to: write optimizer." + key + "="
                        + value + ", or put it after optimizer=NAME"
                        : "unknown key '" + key + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                        + "; keys: " + String.join(", ", KEYS));
            }
        }
        for (Target t : targets.values()) {
            check(t, registry, current);
        }
        return List.copyOf(targets.values());
    }

    /**
     * @param targets the request
     * @return a line for humans, e.g. {@code optimizer -> nesterov {momentum=0.9}}
     */
    static String describe(List<Target> targets) {
        List<String> parts = new ArrayList<>();
        for (Target t : targets) {
            String what = t.key() + (t.name() == null ? "" : " -> " + t.name());
            if (!t.params().isEmpty()) {
                what += " " + t.params();
            }
            if (t.every() != null) {
                what += " every " + t.every();
            }
            parts.add(what);
        }
        return String.join(", ", parts);
    }

    private static void put(Map<String, Target> targets, ComponentKind kind, String label, String name, String param,
                            String value, Long every) {
        String key = label == null ? kind.key() : "analyzers." + label;
        Target t = targets.get(key);
        Map<String, String> params = new LinkedHashMap<>(t == null ? Map.of() : t.params());
        if (param != null) {
            params.put(param, value);
        }
        targets.put(key, new Target(kind, label, name != null ? name : t == null ? null : t.name(), params,
                every != null ? every : t == null ? null : t.every()));
    }

    private static String name(String change, ComponentKind kind, String value, ComponentRegistry registry) {
        if (value.isEmpty()) {
            throw new InvalidInputException(change, "needs a " + kind.key() + " name");
        }
        if (registry.find(kind, value).isEmpty()) {
            List<String> names = new ArrayList<>();
            registry.list(kind).forEach(i -> names.add(i.name()));
            throw new InvalidInputException(change, ComponentTable.unknown(kind, value, names));
        }
        return value;
    }

    private static Long every(String change, String value) {
        try {
            long k = Long.parseLong(value);
            if (k >= 0) {
                return k;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new InvalidInputException(change, "every needs a whole number of steps >= 0, got '" + value + "'");
    }

    private static void check(Target t, ComponentRegistry registry, Map<String, String> current) {
        String name = t.name() != null ? t.name() : current.get(t.key());
        if (name == null) {
            throw new InvalidInputException("swap", "the run has no " + t.key());
        }
        Optional<ComponentInfo> info = registry.find(t.kind(), name);
        if (info.isEmpty()) {
            throw new InvalidInputException(t.key(), t.kind().key() + " " + name + " is not installed right now");
        }
        List<String> names = new ArrayList<>();
        info.get().params().forEach(p -> names.add(p.name()));
        for (Map.Entry<String, String> e : t.params().entrySet()) {
            ParamSpec p = info.get().param(e.getKey());
            String where = t.key() + "." + e.getKey();
            if (p == null) {
                throw new InvalidInputException(where, "unknown parameter '" + e.getKey() + "' of " + t.kind().key() + " "
                        + name + Names.suggestion(e.getKey(), names) + "; its parameters: " + names);
            }
            p.check(where, e.getValue());
        }
    }
}
