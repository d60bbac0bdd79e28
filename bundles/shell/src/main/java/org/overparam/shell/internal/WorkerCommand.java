package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.SweepCluster;

/**
 * {@code worker --join HOST:PORT [--parallel N] [--bind ADDR] [--port N] [--cluster-name NAME]
 * [--secret S] [--runs DIR]}: joins a coordinator and runs what it hands out until it leaves. Runs run
 * in {@code <runs>/cluster-worker-<pid>/} and are shipped to the coordinator at their end.
 */
final class WorkerCommand {
    static final String USAGE = "worker --join HOST:PORT [--parallel N] [--bind ADDR] [--port N] [--cluster-name NAME]"
            + " [--secret SECRET] [--runs DIR]";

    private WorkerCommand() {
    }

    static int execute(SweepCluster cluster, List<String> args, Function<String, Path> runsFolder,
                       UnaryOperator<String> env, int cores, Terminal t) {
        ClusterArgs c = ClusterArgs.take("worker", args, env);
        int parallel = cores;
        String runs = null;
        List<String> rest = c.rest();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--parallel") || a.startsWith("--parallel=")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < rest.size() ? rest.get(++i) : "";
                parallel = SweepCommand.parallel(v);
            } else if (a.equals("--runs") || a.startsWith("--runs=")) {
                runs = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < rest.size() ? rest.get(++i) : "";
                if (runs.isBlank()) {
                    throw new InvalidInputException("worker", "--runs needs a folder");
                }
            } else {
                throw new InvalidInputException("worker", "unexpected '" + a.replaceAll("\\p{Cntrl}", "?")
                        + "'; usage: overparam " + USAGE);
            }
        }
        if (c.join() == null) {
            throw new InvalidInputException("worker", "missing --join HOST:PORT; usage: overparam " + USAGE);
        }
        if (cluster == null) {
            throw new InvalidInputException("worker", "no cluster; the bundle org.overparam.cluster is not installed");
        }
        Path scratch = runsFolder.apply(runs).resolve("cluster-worker-" + ProcessHandle.current().pid());
        return cluster.work(c.options(), parallel, scratch, t.err());
    }
}
