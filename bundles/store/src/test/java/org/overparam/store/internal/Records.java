package org.overparam.store.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunRecord;

/** Runs to store in tests: fixed ids, times and values. */
final class Records {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private Records() {
    }

    /** @return a store on H2 in the runs folders tests give it */
    static H2RunStore store() {
        return new H2RunStore(null, org.h2.Driver.load());
    }

    /**
     * @param runs the runs folder
     * @param id the id
     * @param width the architecture's width
     * @param seed the seed
     * @param minute when it started, in minutes after {@link #T0}
     * @param sweep the sweep, or empty
     * @param tags tags
     * @return the record
     */
    static RunRecord run(Path runs, String id, int width, long seed, int minute, String sweep, Set<String> tags) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", "wide");
        params.put("seed", Long.toString(seed));
        params.put("architecture", "fc");
        params.put("architecture.width", Integer.toString(width));
        params.put("architecture.activation", "relu");
        params.put("optimizer", "gd");
        params.put("optimizer.lr", "0.02");
        params.put("stop.targetLoss", "1.0E-7");
        Provenance p = new Provenance("host1", "Linux 6.1 amd64", 2, "Eclipse Adoptium", "17.0.9+9", "JNIBLAS",
                "0.1.0.SNAPSHOT", List.of(new ComponentOrigin(ComponentKind.ARCHITECTURE, "fc",
                "org.overparam.plugin.arch.fc", "0.1.0.SNAPSHOT", "ab".repeat(32)),
                new ComponentOrigin(ComponentKind.OPTIMIZER, "gd", "org.overparam.plugin.optim.gd", "0.1.0.SNAPSHOT",
                        "")));
        return new RunRecord(id, "wide", runs.resolve(id), "name: wide\nseed: " + seed + "\n", seed, params, tags, sweep,
                sweep.isEmpty() ? "" : "cd".repeat(32), T0.plusSeconds(60L * minute), p);
    }

    /**
     * @param steps how many steps
     * @param rate the loss factor per step
     * @return train.loss rows 0..steps-1
     */
    static List<MetricRow> loss(int steps, double rate) {
        List<MetricRow> rows = new ArrayList<>();
        double l = 1;
        for (int t = 0; t < steps; t++) {
            rows.add(new MetricRow(t, "train.loss", l));
            rows.add(new MetricRow(t, "optimizer.grad_norm", 2 * l));
            l *= rate;
        }
        return rows;
    }

    /**
     * @param status the status
     * @param steps steps
     * @param loss final loss
     * @param metrics final metrics
     * @return an outcome at a fixed time
     */
    static RunOutcome outcome(RunStatus status, long steps, double loss, Map<String, Double> metrics) {
        return new RunOutcome(status, steps, loss, "done", T0.plusSeconds(3600),
                Map.of("total_seconds", 12.5, "steps_seconds", 11.0), metrics);
    }
}
