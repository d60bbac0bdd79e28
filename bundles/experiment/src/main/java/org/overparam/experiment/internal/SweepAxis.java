package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;

/**
 * One swept key of a sweep and its values, read from the experiment's {@code sweep:} section or from
 * a sweep argument on the command line. In the section, a key is a dotted path (nested mappings are
 * joined with dots) and its value a YAML list, a range ({@link Range}) or a single value; {@code
 * seeds: N} repeats every point with the seeds {@code seed, seed+1, ..., seed+N-1} (the experiment's
 * {@code seed}, default 0). On the command line, {@code key=a,b,c} (commas outside brackets and
 * quotes), {@code key=range(...)} and {@code seeds=N} are sweep arguments ({@code sweep.key=...} is
 * the same as {@code key=...}).
 *
 * @param key the dotted key, e.g. {@code architecture.width} ({@code seed} for {@code seeds})
 * @param path the key's parts, checked against the document's structure
 * @param values the values in order; each keeps the location where it was written
 * @param where where the axis was written: {@code file:line: sweep.<key>} or {@code override '...'}
 */
record SweepAxis(String key, String[] path, List<Node> values, String where) {
    /** The key of seed repeats. */
    static final String SEEDS = "seeds";

    /**
     * @param sweep the document's {@code sweep} entry, or {@code null}
     * @param baseSeed the experiment's seed, the first of {@code seeds: N}
     * @return the axes in the order written, by key
     * @throws InvalidInputException at the line of a bad key, value or range
     */
    static Map<String, SweepAxis> fromSection(Node.Entry sweep, long baseSeed) {
        Map<String, SweepAxis> out = new LinkedHashMap<>();
        if (sweep == null || sweep.value() instanceof Node.Scalar s && s.value() == null) {
            return out;
        }
        if (!(sweep.value() instanceof Node.Mapping m)) {
            throw new InvalidInputException(sweep.value().where() + ": sweep", "expected a mapping of keys to "
                    + "lists or ranges, e.g. {architecture.width: [256, 512], seeds: 3}, got "
                    + sweep.value().describe());
        }
        flatten("", m, baseSeed, out);
        return out;
    }

    private static void flatten(String prefix, Node.Mapping m, long baseSeed, Map<String, SweepAxis> out) {
        m.entries().forEach((k, e) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            String where = e.keyWhere() + ": sweep." + key;
            if (e.value() instanceof Node.Mapping nested) {
                flatten(key, nested, baseSeed, out);
            } else if (key.equals(SEEDS)) {
                add(out, seeds(e.value(), baseSeed, where), where);
            } else {
                add(out, new SweepAxis(key, Overrides.path(key, where), values(e.value(), where), where), where);
            }
        });
    }

    private static void add(Map<String, SweepAxis> out, SweepAxis axis, String where) {
        if (out.containsKey(axis.key())) {
            throw new InvalidInputException(where, "'" + axis.key() + "' is swept twice (first at "
                    + out.get(axis.key()).where() + ")"
                    + (axis.key().equals("seed") ? "; give either seeds or seed" : ""));
        }
        out.put(axis.key(), axis);
    }

    /**
     * @param argument a command-line argument
     * @return whether it is a sweep argument: {@code seeds=N}, {@code key=range(...)} or {@code key=a,b}
     */
    static boolean isSweep(String argument) {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        String value = argument.substring(eq + 1);
        return argument.substring(0, eq).strip().equals(SEEDS) || Range.isRange(value) || split(value).size() > 1;
    }

    /**
     * @param argument a sweep argument ({@link #isSweep})
     * @param baseSeed the experiment's seed, the first of {@code seeds=N}
     * @return its axis
     * @throws InvalidInputException naming the argument if a key, value or range is bad
     */
    static SweepAxis fromArgument(String argument, long baseSeed) {
        String where = "override '" + argument + "'";
        int eq = argument.indexOf('=');
        String written = argument.substring(0, eq).strip();
        String key = written.startsWith("sweep.") ? written.substring("sweep.".length()) : written;
        String text = argument.substring(eq + 1);
        if (key.equals(SEEDS)) {
            Node n = YamlTree.parse(text, line -> where);
            return seeds(n == null ? new Node.Scalar(null, null, where) : n, baseSeed, where);
        }
        String[] path = Overrides.path(key, where);
        if (Range.isRange(text)) {
            return new SweepAxis(key, path, Range.values(text, where), where);
        }
        List<Node> values = new ArrayList<>();
        for (String part : split(text)) {
            Node v = YamlTree.parse(part, line -> where);
            if (v == null) {
                throw new InvalidInputException(where, "an empty value in the list of values; write key=a,b,c");
            }
            values.add(v);
        }
        return new SweepAxis(key, path, values, where);
    }

    private static List<Node> values(Node node, String where) {
        if (node instanceof Node.Sequence q) {
            return q.items();
        }
        if (node instanceof Node.Scalar s && s.value() == null) {
            throw new InvalidInputException(where, "no values given; write a list [a, b] or a range(...)");
        }
        if (node instanceof Node.Scalar s && s.value() instanceof String text && Range.isRange(text)) {
            try {
                return Range.values(text, node.where());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where, e.getMessage());
            }
        }
        return List.of(node);
    }

    private static SweepAxis seeds(Node n, long baseSeed, String where) {
        if (!(n instanceof Node.Scalar s) || !(s.value() instanceof Long count) || count < 0) {
            throw new InvalidInputException(where, "seeds: expected the number of seeds (a whole number, at least 1), "
                    + "got " + n.describe());
        }
        List<Node> values = new ArrayList<>();
        for (long i = 0; i < count && i <= Range.MAX_VALUES; i++) {
            values.add(new Node.Scalar(baseSeed + i, Long.toString(baseSeed + i), n.where()));
        }
        return new SweepAxis("seed", new String[] {"seed"}, values, where);
    }

    /** @return the value split at commas outside brackets, braces, parentheses and quotes */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }
}
