package org.overparam.shell.internal;

import java.util.List;
import java.util.function.UnaryOperator;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.SweepCluster;

/**
 * {@code cluster [--join HOST:PORT] [--cluster-name NAME] [--secret S]} and {@code sweep --status SWEEP
 * --join HOST:PORT}: the cluster's members (cores, runs at once, active and finished runs), queue length,
 * claims and the sweep's progress and throughput, from the cluster this container is in (Gogo's
 * {@code op:cluster} in a coordinating or working container) or the one at {@code --join}.
 */
final class ClusterCommand {
    static final String USAGE = "cluster [--join HOST:PORT] [--cluster-name NAME] [--secret SECRET]";

    private ClusterCommand() {
    }

    static int execute(SweepCluster cluster, List<String> args, UnaryOperator<String> env, Terminal t) {
        ClusterArgs c = ClusterArgs.take("cluster", args, env);
        if (!c.rest().isEmpty()) {
            throw new InvalidInputException("cluster", "unexpected '" + c.rest().get(0).replaceAll("\\p{Cntrl}", "?")
                    + "'; usage: overparam " + USAGE);
        }
        return print(cluster, c, null, t);
    }

    static int print(SweepCluster cluster, ClusterArgs c, String sweep, Terminal t) {
        if (cluster == null) {
            throw new InvalidInputException("cluster", "no cluster; the bundle org.overparam.cluster is not installed");
        }
        cluster.status(c.join() == null ? null : c.options(), sweep).forEach(t.out()::println);
        t.out().flush();
        return CommandLine.OK;
    }
}
