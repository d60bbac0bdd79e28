package org.overparam.dashboard.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.MetricStats;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;
import org.overparam.api.store.SeedAggregate;

/**
 * A sweep as its page and {@code GET /api/sweeps/SWEEP} show it: every run of the sweep with its
 * status (the progress), and the final metrics aggregated over seeds per point of the swept
 * parameters ({@link RunStore#aggregate}: count, mean, std, min, max), as the sweep's report does.
 *
 * @param id the sweep's id
 * @param runs its runs, in order of creation
 * @param groups the aggregates of its finished runs (empty while none has finished)
 */
record SweepView(String id, List<RunSummary> runs, List<SeedAggregate> groups) {
    /**
     * @param store the run store
     * @param folder the runs folder
     * @param id the sweep's id from a URL
     * @return the sweep
     * @throws Lookup.NotFound if the store knows no run of that sweep
     */
    static SweepView of(RunStore store, Path folder, String id) {
        SafePaths.segment(id);
        List<RunSummary> runs;
        try {
            runs = store.runs(folder, RunQuery.all().withSweep(id).sortedBy(RunQuery.CREATED, false)).runs();
        } catch (InvalidInputException e) {
            throw new Lookup.NotFound(e.getMessage());
        }
        if (runs.isEmpty()) {
            throw new Lookup.NotFound("no sweep " + id + " in " + folder);
        }
        List<SeedAggregate> groups;
        try {
            groups = store.aggregate(folder, id);
        } catch (InvalidInputException e) {
            groups = List.of(); // none finished yet
        }
        return new SweepView(id, runs, groups);
    }

    /** @return how many runs have each status */
    Map<RunStatus, Integer> counts() {
        Map<RunStatus, Integer> out = new EnumMap<>(RunStatus.class);
        runs.forEach(r -> out.merge(r.status(), 1, Integer::sum));
        return out;
    }

    /** @return how many runs have ended with a result */
    long finished() {
        return runs.stream().filter(r -> r.status().isFinished()).count();
    }

    String json() {
        StringBuilder b = new StringBuilder("{\"id\":").append(Json.str(id)).append(",\"total\":").append(runs.size())
                .append(",\"finished\":").append(finished()).append(",\"runs\":[");
        String sep = "";
        for (RunSummary s : runs) {
            b.append(sep).append(ApiServlet.summary(s));
            sep = ",";
        }
        b.append("],\"groups\":[");
        sep = "";
        for (SeedAggregate g : groups) {
            b.append(sep).append("{\"parameters\":").append(Json.object(g.parameters())).append(",\"runs\":")
                    .append(Json.strings(g.runIds())).append(",\"metrics\":{");
            String inner = "";
            for (Map.Entry<String, MetricStats> m : g.metrics().entrySet()) {
                MetricStats s = m.getValue();
                b.append(inner).append(Json.str(m.getKey())).append(":{\"count\":").append(s.count())
                        .append(",\"mean\":").append(Json.num(s.mean())).append(",\"std\":").append(Json.num(s.std()))
                        .append(",\"min\":").append(Json.num(s.min())).append(",\"max\":").append(Json.num(s.max()))
                        .append('}');
                inner = ",";
            }
            b.append("}}");
            sep = ",";
        }
        return b.append("]}").toString();
    }

    /** @return the parameters whose values differ between the groups: the swept ones */
    List<String> swept() {
        Map<String, java.util.Set<String>> values = new TreeMap<>();
        groups.forEach(g -> g.parameters().forEach((k, v) -> values.computeIfAbsent(k, x -> new java.util.HashSet<>())
                .add(v)));
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v.size() > 1) {
                out.add(k);
            }
        });
        return out;
    }
}
