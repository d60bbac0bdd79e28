package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterOptions;
import org.overparam.api.cluster.ClusterResult;
import org.overparam.api.cluster.SweepCluster;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;

/**
 * {@code sweep FILE --cluster} and {@code sweep --resume SWEEPDIR --cluster}: hands the sweep to the
 * cluster bundle's coordinator ({@link SweepCluster#coordinate}), then prints the table of the runs as
 * the sweep folder holds them (each run folder written here by the coordinator). Exit code 0 when every
 * run converged or completed, 1 otherwise (a refused run, a stopped coordinator).
 */
final class ClusterSweep {
    private ClusterSweep() {
    }

    static int run(SweepCluster cluster, Sweep sweep, Path dir, int parallel, ClusterOptions options, Terminal t) {
        if (cluster == null) {
            throw new InvalidInputException("--cluster", "no cluster; the bundle org.overparam.cluster is not installed");
        }
        Map<String, SweepFolder.Done> done = SweepFolder.finished(dir);
        ClusterResult result = cluster.coordinate(sweep, dir, done.keySet(), SweepFolder.interrupted(dir), parallel,
                options, t.err());
        done = SweepFolder.finished(dir);
        List<SweepTable.Row> rows = new ArrayList<>();
        long ok = 0;
        for (SweepPoint p : sweep.points()) {
            SweepFolder.Done d = done.get(p.key());
            String refused = result.refused().get(p.key());
            if (d != null) {
                rows.add(new SweepTable.Row(p, d.status().name(), d.steps(), d.loss(), d.folder().getFileName().toString(),
                        false));
                ok += d.status().name().equals("CONVERGED") || d.status().name().equals("COMPLETED") ? 1 : 0;
            } else {
                rows.add(new SweepTable.Row(p, refused != null ? "REFUSED" : "not run", -1, Double.NaN, "-", false));
            }
        }
        SweepTable.print(sweep.axes(), rows, "run", t.out());
        t.out().println(ok + " of " + rows.size() + " runs converged or completed; sweep folder " + dir);
        t.out().flush();
        result.refused().forEach((key, why) -> t.error("run " + key.substring(0, 12) + " refused: " + why));
        if (!result.complete()) {
            t.error("sweep stopped; continue it with: overparam sweep --resume " + dir + " [--cluster]");
        }
        return ok == rows.size() ? CommandLine.OK : CommandLine.FAILED;
    }
}
