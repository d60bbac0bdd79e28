package org.overparam.store.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunSummary;

/**
 * Another process on a store, started by {@link ConcurrentAccessTest} and {@link HandoverTest}:
 * {@code read RUNS RUN} prints the ids of the runs (oldest first) and the number of
 * {@code train.loss} rows of RUN; {@code write RUNS} records a run {@code child} with 50 steps;
 * {@code hold RUNS} records a run {@code first}, prints {@code holding}, serves the store until its
 * standard input ends, then exits with {@link System#exit} (H2 closes the database in its shutdown
 * hook, as in a container); {@code churn RUNS NAME N} opens the store, records a run
 * {@code NAME-k}, lists the runs and closes the store, for k = 0 ... N-1, and prints {@code ok}. It
 * prints on standard output, which the test reads; the test itself prints nothing.
 */
public final class OtherProcess {
    private OtherProcess() {
    }

    /** @param args the mode and its arguments */
    public static void main(String[] args) throws java.io.IOException {
        Path runs = Path.of(args[1]);
        if (args[0].equals("churn")) {
            for (int k = 0; k < Integer.parseInt(args[3]); k++) {
                H2RunStore store = Records.store();
                try {
                    record(store, runs, args[2] + "-" + k);
                    store.runs(runs, RunQuery.all());
                } finally {
                    store.close();
                }
            }
            System.out.println("ok");
            return;
        }
        H2RunStore store = Records.store();
        try {
            switch (args[0]) {
                case "read" -> {
                    List<String> ids = store.runs(runs, RunQuery.all().sortedBy("created", false)).runs().stream()
                            .map(RunSummary::id).toList();
                    int rows = store.metrics(runs, MetricQuery.of(List.of(args[2])).metrics(List.of("train.loss")))
                            .get(0).size();
                    System.out.println(String.join(",", ids) + " " + rows);
                }
                case "hold" -> {
                    store.begin(runs, Records.run(runs, "first", 64, 1, 0, "", Set.of()));
                    System.out.println("holding");
                    System.out.flush();
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    System.exit(0);
                }
                default -> {
                    record(store, runs, "child");
                    System.out.println("ok");
                }
            }
        } finally {
            store.close();
        }
    }

    private static void record(H2RunStore store, Path runs, String id) {
        store.begin(runs, Records.run(runs, id, 64, 9, 5, "", Set.of("from-" + id)));
        store.appendMetrics(runs, id, Records.loss(50, 0.9));
        store.finish(runs, id, Records.outcome(RunStatus.COMPLETED, 50, 0.005, Map.of("train.loss", 0.005)));
    }
}
