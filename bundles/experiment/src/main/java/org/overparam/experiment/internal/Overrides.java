package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;

/**
 * Applies command-line overrides {@code key=value} to an experiment document before it is
 * validated. The key is a dotted path into the document: {@code seed}, {@code architecture.width},
 * {@code stop.maxSteps}, {@code checkpoint.every}, {@code analyzers.0.every},
 * {@code switch.0.optimizer.lr}, {@code sweep.seeds} (list items by index, {@code analyzers.0} or
 * {@code analyzers[0]}; the index one past the end appends; inside a structure parameter too:
 * {@code architecture.layers[2].dense}); {@code include} cannot be overridden. The value is read as YAML: a scalar
 * ({@code 2048}, {@code 0.1}, {@code true}, {@code sgd}) or a flow collection ({@code [W1, W2]},
 * {@code {name: sgd, lr: 0.1}}). Setting a component to a name ({@code optimizer=sgd}) replaces it,
 * dropping its old parameters; setting a parameter of a component written as a bare name turns it
 * into a mapping. Nodes from an override are located at {@code override 'key=value'}, so later
 * errors about them name the override. A sweep's values are set at each point with {@link #put}.
 */
final class Overrides {
    private static final List<String> SCALAR_KEYS = List.of("name", "seed");
    private static final List<String> LIST_KEYS = List.of("constraints", "analyzers", "freeze", "switch");

    private Overrides() {
    }

    /**
     * @param root the document, edited in place
     * @param overrides the overrides, applied in order
     * @throws InvalidInputException naming the override whose path or value is bad
     */
    static void apply(Node.Mapping root, List<String> overrides) {
        for (String o : overrides) {
            applyOne(root, o);
        }
    }

    private static void applyOne(Node.Mapping root, String override) {
        String where = "override '" + override + "'";
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException(where, "expected key=value, e.g. architecture.width=2048");
        }
        String[] path = split(override.substring(0, eq), where);
        Node value = YamlTree.parse(override.substring(eq + 1), line -> where);
        if (value == null) {
            throw new InvalidInputException(where, "no value after '='");
        }
        check(path, where);
        put(root, path, value, where);
    }

    /**
     * @param key a dotted key, e.g. {@code architecture.width}
     * @param where the key's location, for errors
     * @return its parts, checked against the document's structure
     * @throws InvalidInputException if a part is empty or names no key of an experiment
     */
    static String[] path(String key, String where) {
        String[] path = split(key, where);
        check(path, where);
        return path;
    }

    /**
     * Sets the value at a path, creating or promoting the containers on the way (as an override does).
     *
     * @param root the document, edited in place
     * @param path a path from {@link #path}
     * @param value the new value (not copied)
     * @param where the value's location, for errors
     */
    static void put(Node.Mapping root, String[] path, Node value, String where) {
        Node container = root;
        for (int i = 0; i < path.length - 1; i++) {
            container = child(container, path, i, where);
        }
        set(container, path, path.length - 1, value, where);
    }

    private static String[] split(String key, String where) {
        String[] path = key.strip().replaceAll("\\[(\\d+)]", ".$1").split("\\.", -1);
        for (String segment : path) {
            if (segment.isBlank()) {
                throw new InvalidInputException(where, "the key has an empty part");
            }
        }
        return path;
    }

    /** Checks the parts of the path that the document's structure fixes. */
    private static void check(String[] path, String where) {
        String top = path[0];
        if (top.equals("include")) {
            throw new InvalidInputException(where, "includes are read with the file, before overrides; "
                    + "override the keys they set instead");
        }
        if (!SpecResolver.FILE_KEYS.contains(top)) {
            throw new InvalidInputException(where, SpecResolver.unknownKey(top, SpecResolver.FILE_KEYS));
        }
        if (SCALAR_KEYS.contains(top) && path.length > 1) {
            throw new InvalidInputException(where, "'" + top + "' is a single value; write " + top + "=...");
        }
        if (top.equals("stop") && path.length > 1) {
            if (!SpecResolver.STOP_KEYS.contains(path[1])) {
                throw new InvalidInputException(where, SpecResolver.unknownKey("stop." + path[1], path[1],
                        SpecResolver.STOP_KEYS));
            }
            if (path.length > 2) {
                throw new InvalidInputException(where, "'stop." + path[1] + "' is a single value");
            }
        }
        if (top.equals("checkpoint") && path.length > 1) {
            if (!SpecResolver.CHECKPOINT_KEYS.contains(path[1])) {
                throw new InvalidInputException(where, SpecResolver.unknownKey("checkpoint." + path[1], path[1],
                        SpecResolver.CHECKPOINT_KEYS));
            }
            if (path.length > 2) {
                throw new InvalidInputException(where, "'checkpoint." + path[1] + "' is a single value");
            }
        }
        if (top.equals("freeze") && path.length > 2) {
            throw new InvalidInputException(where, "a freeze pattern is a single value");
        }
        if (top.equals("switch") && path.length > 2) {
            if (!SpecResolver.SWITCH_KEYS.contains(path[2])) {
                throw new InvalidInputException(where, SpecResolver.unknownKey("switch." + path[1] + "." + path[2],
                        path[2], SpecResolver.SWITCH_KEYS));
            }
            if (path[2].equals("at") && path.length > 3) {
                throw new InvalidInputException(where, "'switch." + path[1] + ".at' is a single value");
            }
        }
    }

    /** @return the node at {@code path[i]} inside {@code node}, created or promoted so that it can hold children */
    private static Node child(Node node, String[] path, int i, String where) {
        String segment = path[i];
        String shown = joined(path, i + 1);
        if (node instanceof Node.Sequence q) {
            int index = index(q, segment, joined(path, i), where);
            if (index == q.items().size()) {
                Node.Mapping fresh = Node.Mapping.empty(where);
                q.items().add(fresh);
                return fresh;
            }
            Node item = q.items().get(index);
            if (item instanceof Node.Scalar s && componentSlot(path, i)) {
                Node promoted = promote(s, where);
                q.items().set(index, promoted);
                return promoted;
            }
            return requireContainer(item, shown, where);
        }
        Node.Mapping m = (Node.Mapping) requireContainer(node, joined(path, i), where);
        Node.Entry e = m.entries().get(segment);
        if (e == null || e.value() instanceof Node.Scalar s && s.value() == null) {
            Node fresh = i == 0 && LIST_KEYS.contains(segment)
                    ? new Node.Sequence(new ArrayList<>(), where) : Node.Mapping.empty(where);
            m.entries().put(segment, new Node.Entry(where, fresh));
            return fresh;
        }
        if (e.value() instanceof Node.Scalar name && componentSlot(path, i)) {
            Node promoted = promote(name, where);
            m.entries().put(segment, new Node.Entry(e.keyWhere(), promoted));
            return promoted;
        }
        return requireContainer(e.value(), shown, where);
    }

    private static void set(Node node, String[] path, int i, Node value, String where) {
        String segment = path[i];
        if (node instanceof Node.Sequence q) {
            int index = index(q, segment, joined(path, i), where);
            if (index == q.items().size()) {
                q.items().add(value);
            } else {
                q.items().set(index, value);
            }
            return;
        }
        Node.Mapping m = (Node.Mapping) requireContainer(node, joined(path, i), where);
        m.entries().put(segment, new Node.Entry(where, value));
    }

    /** @return whether {@code path[0..i]} names a component (so a bare name may become a mapping) */
    private static boolean componentSlot(String[] path, int i) {
        boolean single = i == 0 && ComponentKind.byKey(path[0]) != null;
        boolean listed = i == 1 && (path[0].equals("constraints") || path[0].equals("analyzers"));
        boolean switched = i == 2 && path[0].equals("switch") && !path[2].equals("at");
        return single || listed || switched;
    }

    private static Node promote(Node.Scalar name, String where) {
        Node.Mapping m = Node.Mapping.empty(name.where());
        m.entries().put("name", new Node.Entry(name.where(), name));
        return m;
    }

    private static Node requireContainer(Node node, String shown, String where) {
        if (node instanceof Node.Scalar) {
            throw new InvalidInputException(where, "'" + shown + "' is " + node.describe()
                    + ", not a mapping or a list");
        }
        return node;
    }

    private static int index(Node.Sequence q, String segment, String shown, String where) {
        int index;
        try {
            index = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where, "'" + shown + "' is a list: expected an index, got '"
                    + segment + "'");
        }
        if (index < 0 || index > q.items().size()) {
            throw new InvalidInputException(where, "'" + shown + "' has " + q.items().size() + " item"
                    + (q.items().size() == 1 ? "" : "s") + "; index " + index + " is out of range (" + q.items().size()
                    + " appends)");
        }
        return index;
    }

    private static String joined(String[] path, int n) {
        return String.join(".", Arrays.copyOf(path, n));
    }
}
