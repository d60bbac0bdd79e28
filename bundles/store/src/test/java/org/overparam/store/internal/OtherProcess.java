package org.overparam.store.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunSummary;

/**
 * A second process on a store, started by {@link ConcurrentAccessTest}: {@code read RUNS RUN} prints
 * the ids of the runs (oldest first) and the number of {@code train.loss} rows of RUN;
 * {@code write RUNS} records a run {@code child} with 50 steps; {@code hold RUNS} records a run
 * {@code first}, prints {@code holding}, serves the store until its standard input ends, then exits
 * with {@link System#exit} (H2 closes the database in its shutdown hook, as in a container). It
 * prints on standard output, which the test reads; the test itself prints nothing.
 */
public final class OtherProcess {
    private OtherProcess() {
    }

    /** @param args the mode and its arguments */
    public static void main(String[] args) throws java.io.IOException {
        Path runs = Path.of(args[1]);
        H2RunStore store = Records.store();
        try {
            if (args[0].equals("read")) {
                List<String> ids = store.runs(runs, RunQuery.all().sortedBy("created", false)).runs().stream()
                        .map(RunSummary::id).toList();
                int rows = store.metrics(runs, MetricQuery.of(List.of(args[2])).metrics(List.of("train.loss")))
                        .get(0).size();
                System.out.println(String.join(",", ids) + " " + rows);
            } else {
                store.begin(runs, Records.run(runs, "child", 64, 9, 5, "", Set.of("from-child")));
                store.appendMetrics(runs, "child", Records.loss(50, 0.9));
                store.finish(runs, "child", Records.outcome(RunStatus.COMPLETED, 50, 0.005, Map.of("train.loss", 0.005)));
                System.out.println("ok");
            }
        } finally {
            store.close();
        }
    }
}
