package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sweep's runs grouped for aggregation: runs whose specs differ only in the seed form one
 * {@link SweepPoint}; points are arranged in lines by the keys that vary besides the seed, the
 * width ({@code architecture.width}, or the key inside {@code architecture.layers} whose value is
 * every run's width, {@link RunData#width()}) and the run's name, with the width along each line.
 *
 * @param runs every run found
 * @param varying the spec keys whose values differ across the runs
 * @param points the points, by line then width
 */
record Sweep(List<RunData> runs, List<String> varying, List<SweepPoint> points) {
    static final String WIDTH = "architecture.width";
    private static final Set<String> NOT_GROUPING = Set.of("seed", WIDTH, "name");

    /** Copies the lists. */
    Sweep {
        runs = List.copyOf(runs);
        varying = List.copyOf(varying);
        points = List.copyOf(points);
    }

    /**
     * @param runs the runs of a sweep
     * @return them grouped
     */
    static Sweep of(List<RunData> runs) {
        List<Map<String, String>> specs = runs.stream().map(r -> SpecKeys.flatten(r.spec())).toList();
        List<String> varying = SpecKeys.varying(specs);
        List<String> grouping = varying.stream().filter(k -> !NOT_GROUPING.contains(k) && !isWidth(k, specs, runs))
                .toList();
        Map<String, List<RunData>> byKey = new LinkedHashMap<>();
        Map<String, String> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (String k : grouping) {
                parts.add(k + "=" + specs.get(i).getOrDefault(k, "-"));
            }
            String line = String.join(", ", parts);
            String key = line + "\u0000" + runs.get(i).width();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(runs.get(i));
            lineOf.put(key, line);
        }
        List<SweepPoint> points = new ArrayList<>();
        byKey.forEach((key, rs) -> {
            List<RunData> sorted = new ArrayList<>(rs);
            sorted.sort(Comparator.comparingLong(RunData::seed).thenComparing(RunData::id));
            points.add(new SweepPoint(lineOf.get(key), rs.get(0).width(), sorted));
        });
        points.sort(Comparator.comparing(SweepPoint::line).thenComparingDouble(
                p -> Double.isNaN(p.width()) ? Double.POSITIVE_INFINITY : p.width()));
        return new Sweep(runs, varying, points);
    }

    /** @return whether a key inside {@code architecture.layers} holds every run's width */
    private static boolean isWidth(String key, List<Map<String, String>> specs, List<RunData> runs) {
        if (!key.startsWith("architecture.layers.")) {
            return false;
        }
        for (int i = 0; i < runs.size(); i++) {
            try {
                if (Double.parseDouble(specs.get(i).getOrDefault(key, "")) != runs.get(i).width()) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** @return the lines, in order (one empty name when only width and seed vary) */
    List<String> lines() {
        return points.stream().map(SweepPoint::line).distinct().toList();
    }

    /**
     * @param line a line
     * @return its points, by width
     */
    List<SweepPoint> line(String line) {
        return points.stream().filter(p -> p.line().equals(line)).toList();
    }

    /** @return whether at least two points have a width, so plots against width mean something */
    boolean hasWidths() {
        return points.stream().filter(p -> !Double.isNaN(p.width())).count() >= 2;
    }

    /** @return every scalar metric some finished run has, by name */
    Set<String> metrics() {
        Set<String> out = new TreeSet<>();
        points.forEach(p -> p.finished().forEach(r -> out.addAll(r.finals().keySet())));
        return out;
    }
}
