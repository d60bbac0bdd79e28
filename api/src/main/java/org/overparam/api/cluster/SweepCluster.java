package org.overparam.api.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Sweep;

/**
 * Runs sweeps on a cluster of containers (one embedded member each). The container opens no port
 * until one of these methods is called.
 */
@ProviderType
public interface SweepCluster {
    /**
     * Starts a coordinating member, puts the sweep's runs into the cluster and waits until every run
     * has a result in {@code sweepDir} (run folders written here, and recorded in this container's run
     * store with the member that ran them), or until the container stops. This member takes runs too,
     * {@code parallel} at once (0: none).
     *
     * @param sweep the sweep, its runs pinned
     * @param sweepDir its folder (holding {@code sweep.yaml})
     * @param finished the keys of runs already finished in the folder (skipped)
     * @param interrupted unfinished run folders by key, continued from their checkpoint on a member
     * @param parallel runs at once on this member
     * @param options the member's settings
     * @param err progress lines
     * @return how it ended
     * @throws InvalidInputException on bad settings (port in use, a non-loopback address without name
     *     and secret); nothing is started then
     */
    ClusterResult coordinate(Sweep sweep, Path sweepDir, Set<String> finished, Map<String, Path> interrupted,
                             int parallel, ClusterOptions options, PrintStream err);

    /**
     * Joins a coordinator and runs what it hands out, {@code parallel} at once, until the coordinator
     * leaves (the runs active then stop at a step boundary) or this container stops.
     *
     * @param options the member's settings, {@link ClusterOptions#join()} set
     * @param parallel runs at once, at least 1
     * @param scratch a folder for the runs while they run (each is shipped to the coordinator at its end)
     * @param err progress lines
     * @return 0 when the coordinator left with nothing active here, 1 when runs had to stop
     * @throws InvalidInputException when the coordinator cannot be reached or refuses this member
     *     (wrong cluster name or secret), or the port is in use
     */
    int work(ClusterOptions options, int parallel, Path scratch, PrintStream err);

    /**
     * @param options where to find the cluster ({@link ClusterOptions#join()}), or {@code null} for the
     *     cluster this container is a member of now
     * @param sweep a sweep folder's name to report on, or {@code null} for the whole cluster
     * @return lines for humans: the members with their cores and active runs, queue length, claims,
     *     runs finished and throughput; for a sweep, its progress
     * @throws InvalidInputException when no cluster can be reached
     */
    List<String> status(ClusterOptions options, String sweep);
}
