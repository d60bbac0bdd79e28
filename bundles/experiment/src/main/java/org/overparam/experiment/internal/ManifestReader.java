package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;

/**
 * Reads a sweep manifest ({@link ManifestWriter}) back: checks its structure, that every run's key is
 * the SHA-256 of its spec (so an edited manifest is refused), and resolves every spec again, its pins
 * included; errors inside a spec name the manifest's own lines.
 */
final class ManifestReader {
    private static final List<String> KEYS = List.of("sweep", "source", "arguments", "axes", "runs");
    private static final List<String> RUN_KEYS = List.of("index", "key", "values", "spec");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private ManifestReader() {
    }

    /**
     * @param location the manifest's path, as shown in messages
     * @param text its text
     * @param resolve resolves a spec document, given where its lines are ({@code line -> location:line})
     *     and the experiment file it came from
     * @return the sweep, with the specs' texts exactly as stored
     * @throws InvalidInputException at the manifest's line of the first problem
     */
    static Sweep read(String location, String text, BiFunction<Node, String, RunSpec> resolve) {
        Node root = YamlTree.parse(text, line -> location + ":" + line);
        if (!(root instanceof Node.Mapping doc) || doc.get("sweep") == null && doc.get("runs") == null) {
            throw new InvalidInputException(root == null ? location + ":1" : root.where(), "not a sweep manifest "
                    + "(it has no 'sweep' and 'runs' keys); give the folder that 'overparam sweep' created");
        }
        doc.entries().forEach((k, e) -> {
            if (!KEYS.contains(k)) {
                throw new InvalidInputException(e.keyWhere(), SpecResolver.unknownKey(k, KEYS));
            }
        });
        String name = string(doc, "sweep", "sweep");
        String source = string(doc, "source", "source");
        List<String> arguments = strings(doc, "arguments");
        List<String> axes = strings(doc, "axes");
        List<Node> runs = list(doc, "runs");
        if (runs.isEmpty()) {
            throw new InvalidInputException(doc.where(), "the manifest lists no runs");
        }
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            points.add(point(runs.get(i), i, location, source, resolve));
        }
        return new Sweep(name, source, axes, points, text);
    }

    private static SweepPoint point(Node node, int i, String location, String source,
                                    BiFunction<Node, String, RunSpec> resolve) {
        String path = "runs[" + i + "]";
        if (!(node instanceof Node.Mapping run)) {
            throw new InvalidInputException(node.where() + ": " + path, "expected a mapping, got " + node.describe());
        }
        run.entries().forEach((k, e) -> {
            if (!RUN_KEYS.contains(k)) {
                throw new InvalidInputException(e.keyWhere(), SpecResolver.unknownKey(path + "." + k, k, RUN_KEYS));
            }
        });
        Node index = require(run, "index", path);
        if (!(index instanceof Node.Scalar n) || !Long.valueOf(i + 1).equals(n.value())) {
            throw new InvalidInputException(index.where() + ": " + path + ".index", "expected " + (i + 1) + ", got "
                    + index.describe());
        }
        String key = string(run, "key", path + ".key");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(run.get("key").where() + ": " + path + ".key",
                    "expected 64 hexadecimal digits (the SHA-256 of the spec), got '" + key + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Node v = require(run, "values", path);
        if (!(v instanceof Node.Mapping vm)) {
            throw new InvalidInputException(v.where() + ": " + path + ".values", "expected a mapping, got "
                    + v.describe());
        }
        vm.entries().forEach((k, e) -> values.put(k, Node.flow(e.value())));
        String spec = string(run, "spec", path + ".spec");
        String specWhere = run.get("spec").where();
        if (!SweepPoint.key(spec).equals(key)) {
            throw new InvalidInputException(specWhere + ": " + path + ".spec", "the spec was edited after the sweep "
                    + "was created (its SHA-256 is not the run's key); a sweep's runs are fixed");
        }
        int first = Integer.parseInt(specWhere.substring(specWhere.lastIndexOf(':') + 1));
        Node specRoot = YamlTree.parse(spec, line -> location + ":" + (first + line));
        if (specRoot == null) {
            throw new InvalidInputException(specWhere + ": " + path + ".spec", "the spec is empty");
        }
        RunSpec s = resolve.apply(specRoot, source);
        RunSpec stored = SpecWriter.withText(s, spec, source);
        return new SweepPoint(i + 1, key, values, stored);
    }

    private static Node require(Node.Mapping m, String key, String path) {
        Node n = m.get(key);
        if (n == null) {
            throw new InvalidInputException(m.where(), path + " needs '" + key + "'");
        }
        return n;
    }

    private static String string(Node.Mapping m, String key, String path) {
        Node n = require(m, key, path);
        if (!(n instanceof Node.Scalar s) || s.value() == null) {
            throw new InvalidInputException(n.where() + ": " + path, "expected a string, got " + n.describe());
        }
        return (String) s.asString();
    }

    private static List<Node> list(Node.Mapping m, String key) {
        Node n = require(m, key, key);
        if (!(n instanceof Node.Sequence q)) {
            throw new InvalidInputException(n.where() + ": " + key, "expected a list, got " + n.describe());
        }
        return q.items();
    }

    private static List<String> strings(Node.Mapping m, String key) {
        List<String> out = new ArrayList<>();
        for (Node n : list(m, key)) {
            if (!(n instanceof Node.Scalar s) || s.value() == null) {
                throw new InvalidInputException(n.where() + ": " + key, "expected a string, got " + n.describe());
            }
            out.add((String) s.asString());
        }
        return out;
    }
}
