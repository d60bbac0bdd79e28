package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.CheckpointRule;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.Names;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StopRule;
import org.overparam.api.run.Switch;

/**
 * Validates an experiment document (after overrides) and resolves it into a {@link RunSpec}: the
 * top-level keys, the name and seed, one component per kind (the schedule defaults to
 * {@code constant}), constraints, analyzers with their schedules and unique labels, the stop rule,
 * the freeze globs, the switches ({@code switch: [{at: 500, optimizer: ..., schedule: ...}]}, each
 * with {@code at >= 1}, in increasing order, changing the optimizer, the schedule or both), the
 * checkpoint interval ({@code checkpoint: {every: 500}}, a whole number of steps at least 0, 0 turning
 * checkpoints off; {@link CheckpointRule#DEFAULT} when absent; both read by {@link Limits}) and the
 * pins ({@link Pins}). The first problem is reported as an {@link InvalidInputException} at the line
 * where it was written. The spec's text is left empty; {@link SpecWriter} renders it.
 */
final class SpecResolver {
    /** The top-level keys of an experiment file, in the order the resolved text uses. */
    static final List<String> KEYS = List.of("name", "seed", "dataset", "architecture", "initializer", "loss",
            "optimizer", "schedule", "constraints", "analyzers", "stop", "freeze", "switch", "checkpoint", "pinned");
    /** The top-level keys an experiment file may hold: the resolved ones, then the composition keys. */
    static final List<String> FILE_KEYS = List.of("name", "seed", "dataset", "architecture", "initializer", "loss",
            "optimizer", "schedule", "constraints", "analyzers", "stop", "freeze", "switch", "checkpoint", "pinned",
            "include", "sweep");
    /** The keys of {@code stop}. */
    static final List<String> STOP_KEYS = List.of("maxSteps", "targetLoss");
    /** The keys of {@code checkpoint}. */
    static final List<String> CHECKPOINT_KEYS = List.of("every");
    /** The keys of a {@code switch} entry. */
    static final List<String> SWITCH_KEYS = List.of("at", "optimizer", "schedule");
    /** The keys of an analyzer entry that are not the analyzer's parameters. */
    static final Set<String> ANALYZER_KEYS = Set.of("every", "label");
    /** The kinds with exactly one component per run, in file order. */
    static final List<ComponentKind> SINGLE = List.of(ComponentKind.DATASET, ComponentKind.ARCHITECTURE,
            ComponentKind.INITIALIZER, ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.SCHEDULE);
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]+");
    /** The parameter of analyzers that write files: the files' name prefix. */
    static final String FILE_PREFIX = "filePrefix";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /**
     * A resolved spec and the components it uses.
     *
     * @param spec the spec, with an empty text
     * @param used the components' metadata, in file order
     */
    record Resolution(RunSpec spec, List<ComponentInfo> used) {
    }

    private final ComponentResolver components;
    private final String source;
    private final String defaultName;

    /**
     * @param registry the components present now
     * @param library the fragments component names may refer to
     * @param source the file, as the user named it
     * @param defaultName the name when the file gives none (the file name without extension)
     */
    SpecResolver(ComponentRegistry registry, FragmentLibrary library, String source, String defaultName) {
        this.components = new ComponentResolver(registry, library);
        this.source = source;
        this.defaultName = defaultName;
    }

    /**
     * @param root the document, its includes merged in and its sweep taken out
     * @return the resolved spec
     * @throws InvalidInputException at the line of the first problem
     */
    Resolution resolve(Node root) {
        if (!(root instanceof Node.Mapping doc)) {
            throw new InvalidInputException(root.where(), "an experiment file is a mapping of keys ("
                    + String.join(", ", FILE_KEYS) + "), not " + root.describe());
        }
        doc.entries().forEach((key, e) -> {
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(e.keyWhere(), unknownKey(key, FILE_KEYS));
            }
        });
        String name = defaultName;
        if (doc.get("name") != null) {
            name = ((String) scalar(doc.get("name"), "name", String.class)).strip();
            if (name.isEmpty()) {
                throw new InvalidInputException(doc.get("name").where() + ": name", "the name is empty");
            }
        }
        long seed = doc.get("seed") == null ? 0L : (Long) scalar(doc.get("seed"), "seed", long.class);
        Map<ComponentKind, ComponentRef> single = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : SINGLE) {
            Node.Entry e = doc.entries().get(kind.key());
            if (e == null && kind == ComponentKind.SCHEDULE) {
                e = new Node.Entry(doc.where(), new Node.Scalar("constant", "constant", doc.where()));
            } else if (e == null) {
                throw new InvalidInputException(doc.where(), "missing key '" + kind.key() + "' ("
                        + components.installed(kind) + ")");
            }
            single.put(kind, components.resolve(kind, kind.key(), e.value(), e.keyWhere(), Set.of()));
        }
        List<ComponentRef> constraints = new ArrayList<>();
        List<Node> items = list(doc.get("constraints"), "constraints");
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            constraints.add(components.resolve(ComponentKind.CONSTRAINT, "constraints[" + i + "]", item,
                    item.where(), Set.of()));
        }
        List<AnalyzerRef> analyzers = analyzers(list(doc.get("analyzers"), "analyzers"));
        StopRule stop = Limits.stop(doc);
        List<String> freeze = new ArrayList<>();
        items = list(doc.get("freeze"), "freeze");
        for (int i = 0; i < items.size(); i++) {
            String glob = ((String) scalar(items.get(i), "freeze[" + i + "]", String.class)).strip();
            if (glob.isEmpty()) {
                throw new InvalidInputException(items.get(i).where() + ": freeze[" + i + "]", "the pattern is empty");
            }
            freeze.add(glob);
        }
        List<Switch> switches = switches(list(doc.get("switch"), "switch"));
        RunSpec spec = new RunSpec(name, seed, single, constraints, analyzers, stop, freeze, switches,
                Limits.checkpoint(doc), "", source);
        Pins.check(doc.entries().get("pinned"), components.used());
        return new Resolution(spec, components.used());
    }

    private List<AnalyzerRef> analyzers(List<Node> items) {
        List<AnalyzerRef> out = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, String> prefixes = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = components.expand(ComponentKind.ANALYZER, items.get(i));
            String path = "analyzers[" + i + "]";
            ComponentRef ref = components.resolve(ComponentKind.ANALYZER, path, item, item.where(), ANALYZER_KEYS);
            long every = 0;
            String label = ref.name();
            String labelWhere = item.where();
            if (item instanceof Node.Mapping m) {
                if (m.get("every") != null) {
                    every = (Long) scalar(m.get("every"), path + ".every", long.class);
                    if (every < 0) {
                        throw new InvalidInputException(m.get("every").where() + ": " + path + ".every", "every "
                                + every + " is negative (steps between analyses; 0 = at initialization and at "
                                + "the end)");
                    }
                }
                if (m.get("label") != null) {
                    labelWhere = m.get("label").where();
                    label = ((String) scalar(m.get("label"), path + ".label", String.class)).strip();
                    if (!LABEL.matcher(label).matches()) {
                        throw new InvalidInputException(labelWhere + ": " + path + ".label", "label '" + label
                                + "' may hold only letters, digits, '_' and '-' (it prefixes the metrics' names)");
                    }
                }
            }
            String first = labels.putIfAbsent(label, labelWhere);
            if (first != null) {
                throw new InvalidInputException(labelWhere, "two analyzers have the label '" + label
                        + "' (first at " + first + "); give one a different 'label'");
            }
            filePrefix(ref, item, path, prefixes);
            out.add(new AnalyzerRef(ref, label, every));
        }
        return out;
    }

    /**
     * Refuses a {@code filePrefix} that is not a plain file-name prefix, and a second analyzer with the
     * same prefix (both would write artifact files of the same names); an analyzer whose
     * {@code save} parameter is false (ntk's) writes no file and is not counted.
     *
     * @param ref the analyzer, with all its parameters (defaults included)
     * @param item its entry in the file
     * @param path e.g. {@code analyzers[1]}
     * @param seen by prefix, the analyzer name and the place it was first seen, updated
     */
    private static void filePrefix(ComponentRef ref, Node item, String path, Map<String, String> seen) {
        Object value = ref.config().values().get(FILE_PREFIX);
        if (value == null) {
            return;
        }
        if (Boolean.FALSE.equals(ref.config().values().get("save"))) {
            return;
        }
        String prefix = value.toString();
        String where = item instanceof Node.Mapping m && m.get(FILE_PREFIX) != null ? m.get(FILE_PREFIX).where()
                : item.where();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException(where + ": " + path + "." + FILE_PREFIX, "'" + prefix + "' is not a plain"
                    + " file-name prefix (letters, digits, '_', '-' and '.', not first)");
        }
        String first = seen.putIfAbsent(prefix, ref.name() + "\n" + where);
        if (first != null) {
            String firstName = first.substring(0, first.indexOf('\n'));
            String who = firstName.equals(ref.name()) ? "two " + ref.name() + " analyzers"
                    : "analyzers " + firstName + " and " + ref.name();
            throw new InvalidInputException(where, who + " would write the same files " + prefix + "-* (first at "
                    + first.substring(first.indexOf('\n') + 1) + "); give one its own '" + FILE_PREFIX + "'");
        }
    }

    private List<Switch> switches(List<Node> items) {
        List<Switch> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = "switch[" + i + "]";
            if (!(item instanceof Node.Mapping m)) {
                throw new InvalidInputException(item.where() + ": " + path, "expected a mapping such as "
                        + "{at: 500, optimizer: {name: nesterov, lr: 0.5, momentum: 0.9}}, got " + item.describe());
            }
            m.entries().forEach((key, e) -> {
                if (!SWITCH_KEYS.contains(key)) {
                    throw new InvalidInputException(e.keyWhere(), unknownKey(path + "." + key, key, SWITCH_KEYS));
                }
            });
            Node atNode = m.get("at");
            if (atNode == null) {
                throw new InvalidInputException(item.where(), path
                        + " needs 'at' (the first step of the new components)");
            }
            long at = (Long) scalar(atNode, path + ".at", long.class);
            if (at < 1) {
                throw new InvalidInputException(atNode.where() + ": " + path + ".at", "at " + at
                        + " is below 1 (the step from which the new components are used)");
            }
            if (!out.isEmpty() && at <= out.get(out.size() - 1).at()) {
                throw new InvalidInputException(atNode.where() + ": " + path + ".at", "at " + at
                        + " is not after the previous switch's step " + out.get(out.size() - 1).at()
                        + "; list switches in increasing order of 'at'");
            }
            ComponentRef optimizer = switchComponent(m, ComponentKind.OPTIMIZER, path);
            ComponentRef schedule = switchComponent(m, ComponentKind.SCHEDULE, path);
            if (optimizer == null && schedule == null) {
                throw new InvalidInputException(item.where(), path + " changes nothing: give 'optimizer', "
                        + "'schedule' or both");
            }
            out.add(new Switch(at, optimizer, schedule));
        }
        return out;
    }

    private ComponentRef switchComponent(Node.Mapping m, ComponentKind kind, String path) {
        Node.Entry e = m.entries().get(kind.key());
        if (e == null) {
            return null;
        }
        return components.resolve(kind, path + "." + kind.key(), e.value(), e.keyWhere(), Set.of());
    }

    /** @return the items of an optional list (a missing or empty value is an empty list) */
    private static List<Node> list(Node node, String path) {
        if (node == null || node instanceof Node.Scalar s && s.value() == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence q)) {
            throw new InvalidInputException(node.where() + ": " + path, "expected a list, got " + node.describe());
        }
        return q.items();
    }

    /** @return the scalar converted to {@code type} (Long, Double, Boolean or String) */
    static Object scalar(Node node, String path, Class<?> type) {
        if (!(node instanceof Node.Scalar s) || s.value() == null) {
            throw new InvalidInputException(node.where() + ": " + path, "expected " + Config.typeName(type) + ", got "
                    + node.describe());
        }
        try {
            Object v = Config.convert(path, type == String.class ? s.asString() : s.value(), type);
            return v instanceof Integer n ? Long.valueOf(n) : v;
        } catch (InvalidInputException e) {
            throw e.locatedAt(node.where());
        }
    }

    /** @return {@code unknown key 'x' (did you mean 'y'?)}, or the list of keys when nothing is close */
    static String unknownKey(String key, List<String> valid) {
        return unknownKey(key, key, valid);
    }

    /**
     * @param shown the key as shown, e.g. {@code stop.maxStep}
     * @param key the key compared with the valid ones, e.g. {@code maxStep}
     * @param valid the valid keys
     * @return {@code unknown key 'x' (did you mean 'y'?)}, or the list of keys when nothing is close
     */
    static String unknownKey(String shown, String key, List<String> valid) {
        String hint = Names.suggestion(key, valid);
        return "unknown key '" + shown + "'" + (hint.isEmpty() ? "; the keys are " + String.join(", ", valid) : hint);
    }
}
