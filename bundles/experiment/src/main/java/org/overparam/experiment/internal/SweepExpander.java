package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SweepPoint;

/**
 * Expands an experiment document into the points of its sweep. The arguments are split into plain
 * overrides, applied to the document first, and sweep arguments ({@link SweepAxis#isSweep}). The
 * axes are the {@code sweep:} section's, minus those whose key a plain override sets (the override
 * fixes it), with the command line's sweep arguments replacing a section's axis of the same key or
 * coming after them. The points are the grid of the axes' values, the last axis varying fastest;
 * each is the document with its values set as overrides are, resolved and validated. Nothing runs
 * until every point has resolved.
 */
final class SweepExpander {
    /** The most runs a sweep may expand to. */
    static final int MAX_RUNS = 10_000;

    /**
     * The axes and points of a sweep.
     *
     * @param axes the axes in expansion order
     * @param points the points, at least one
     */
    record Expansion(List<SweepAxis> axes, List<SweepPoint> points) {
    }

    private SweepExpander() {
    }

    /**
     * @param root the document with its includes merged in; edited (overrides applied, sweep taken out)
     * @param arguments overrides and sweep arguments, in order
     * @param resolve resolves one point's document into a spec with its text
     * @return the axes and points
     * @throws InvalidInputException at the first problem: a bad argument or axis, an axis without values
     *     (zero runs), too many runs, two points that are the same run, or a point that does not resolve
     */
    static Expansion expand(Node.Mapping root, List<String> arguments, Function<Node.Mapping, RunSpec> resolve) {
        List<String> plain = new ArrayList<>();
        List<String> swept = new ArrayList<>();
        arguments.forEach(a -> (SweepAxis.isSweep(a) ? swept : plain).add(a));
        Overrides.apply(root, plain);
        long seed = root.get("seed") instanceof Node.Scalar s && s.value() instanceof Long l ? l : 0L;
        Map<String, SweepAxis> axes = SweepAxis.fromSection(root.entries().remove("sweep"), seed);
        for (String o : plain) {
            axes.remove(o.substring(0, Math.max(0, o.indexOf('='))).strip());
        }
        for (String a : swept) {
            SweepAxis axis = SweepAxis.fromArgument(a, seed);
            axes.put(axis.key(), axis);
        }
        List<SweepAxis> list = new ArrayList<>(axes.values());
        long count = 1;
        for (SweepAxis a : list) {
            if (a.values().isEmpty()) {
                throw new InvalidInputException(a.where(), "no values, so the sweep expands to zero runs");
            }
            count = Math.min(count * a.values().size(), MAX_RUNS + 1L);
        }
        if (count > MAX_RUNS) {
            throw new InvalidInputException(list.get(0).where(), "the sweep expands to more than " + MAX_RUNS
                    + " runs; sweep fewer values");
        }
        List<SweepPoint> points = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int[] at = new int[list.size()];
        for (int index = 1; index <= count; index++) {
            Node.Mapping doc = (Node.Mapping) Node.copy(root);
            Map<String, String> values = new LinkedHashMap<>();
            for (int k = 0; k < list.size(); k++) {
                SweepAxis a = list.get(k);
                Node v = a.values().get(at[k]);
                Overrides.put(doc, a.path(), Node.copy(v), v.where());
                values.put(a.key(), Node.flow(v));
            }
            RunSpec spec = resolve.apply(doc);
            SweepPoint p = new SweepPoint(index, SweepPoint.key(spec.text()), values, spec);
            Integer first = seen.putIfAbsent(p.key(), index);
            if (first != null) {
                throw new InvalidInputException(list.get(0).where(), "runs " + first + " and " + index
                        + " are the same experiment (" + shown(points.get(first - 1).values()) + " and "
                        + shown(values) + "); remove the repeated value");
            }
            points.add(p);
            for (int k = list.size() - 1; k >= 0 && ++at[k] == list.get(k).values().size(); k--) {
                at[k] = 0;
            }
        }
        return new Expansion(list, points);
    }

    /**
     * @param values a point's values
     * @return {@code a=1 b=2}
     */
    static String shown(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
