package org.overparam.cluster.internal;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterOptions;
import org.overparam.api.cluster.ClusterResult;
import org.overparam.api.cluster.SweepCluster;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.Sweep;
import org.overparam.api.store.RunStore;

/**
 * The container's one cluster member, owned by this component: none until a sweep coordinates or a
 * worker joins (so a container opens no port by default), stopped when the call ends or the component is
 * deactivated (the container stops: the runs active here stop at a step boundary first, and a worker
 * ships their checkpoints so that other members continue them).
 */
@Component(service = SweepCluster.class)
public final class ClusterComponent implements SweepCluster {
    private static final long STOP_WAIT_MILLIS = 25_000;
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final ComponentRegistry registry;
    private final BundleContext context;
    private volatile boolean closing;
    private volatile HazelcastInstance member;
    private volatile Worker worker;
    private volatile CountDownLatch busy = new CountDownLatch(0);
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunStore store;

    /**
     * @param context this bundle's context (to find the bundles of pinned plugin jars)
     * @param registry the components installed here
     * @param reader reads the runs' pinned specs
     * @param runner runs them
     */
    @Activate
    public ClusterComponent(BundleContext context, @Reference(name = "registry") ComponentRegistry registry,
                            @Reference(name = "reader") SpecReader reader,
                            @Reference(name = "runner") ExperimentRunner runner) {
        this.context = context;
        this.registry = registry;
        this.reader = reader;
        this.runner = runner;
    }

    @Override
    public ClusterResult coordinate(Sweep sweep, Path sweepDir, Set<String> finished, Map<String, Path> interrupted,
                                    int parallel, ClusterOptions options, PrintStream err) {
        RefusedJoins.report(err);
        HazelcastInstance hz;
        try {
            hz = begin(options, MemberStart.COORDINATOR);
        } catch (RuntimeException e) {
            RefusedJoins.report(null);
            throw e;
        }
        // once the member is up (a sweep refused for its cluster options writes nothing)
        Thread opening = openStoreAhead(sweepDir);
        try {
            Maps maps = new Maps(hz);
            PluginPins pins = new PluginPins(registry, context, maps);
            Worker own = parallel > 0 ? worker(hz, maps,
                    sweepDir.resolveSibling(".cluster-" + ProcessHandle.current().pid()), parallel, err, pins)
                    : null;
            err.println("cluster coordinator listening on " + options.bind() + ":" + options.port()
                    + " (workers: overparam worker --join " + options.bind() + ":" + options.port() + ")");
            return new Coordinator(hz, maps, reader, runner, pins, new PluginSwaps(context, maps, err), err,
                    this::shuttingDown).run(sweep, sweepDir, finished, interrupted, () -> {
                        if (own != null) {
                            own.stop(true, STOP_WAIT_MILLIS);
                        }
                    }, () -> awaitMembers(hz, options.members(), err));
        } finally {
            RefusedJoins.report(null);
            end(hz);
            join(opening);
            FolderZip.deleteUnlessRuns(sweepDir.resolveSibling(".cluster-" + ProcessHandle.current().pid()));
        }
    }

    @Override
    public int work(ClusterOptions options, int parallel, Path scratch, PrintStream err) {
        if (options.join() == null) {
            throw new InvalidInputException("worker", "missing --join HOST:PORT (the coordinator's address)");
        }
        HazelcastInstance hz = begin(options, MemberStart.WORKER);
        try {
            Maps maps = new Maps(hz);
            CountDownLatch coordinatorLeft = new CountDownLatch(1);
            hz.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent e) {
                }

                @Override
                public void memberRemoved(MembershipEvent e) {
                    if (MemberStart.COORDINATOR.equals(e.getMember().getAttribute(MemberStart.ROLE))) {
                        coordinatorLeft.countDown();
                    }
                }
            });
            if (MemberStart.coordinator(hz) == null) {
                coordinatorLeft.countDown();
            }
            Worker w = worker(hz, maps, scratch, parallel, err, new PluginPins(registry, context, maps));
            err.println("cluster worker joined " + options.join() + " as " + hz.getCluster().getLocalMember().getAddress()
                    + ", " + parallel + " run" + (parallel == 1 ? "" : "s") + " at once");
            while (!closing) {
                try {
                    if (coordinatorLeft.await(200, TimeUnit.MILLISECONDS) || coordinatorStopping(maps)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            int stopped = w.stop(closing, STOP_WAIT_MILLIS);
            if (closing) {
                err.println("cluster worker stopping: " + stopped + " run(s) stopped at a step boundary, their"
                        + " checkpoints shipped to the cluster");
                return stopped == 0 ? 0 : 1;
            }
            String coordinator = "cluster worker: the coordinator " + (coordinatorLeft.getCount() == 0 ? "left" : "is stopping");
            if (stopped > 0) {
                err.println(coordinator + "; " + stopped + " run(s) stopped at a step boundary"
                        + " (the coordinator's sweep folder holds their last shipped checkpoints: sweep --resume)");
                return 1;
            }
            err.println(coordinator + "; nothing was running here");
            return 0;
        } finally {
            end(hz);
            FolderZip.deleteUnlessRuns(scratch);
        }
    }

    @Override
    public List<String> status(ClusterOptions options, String sweep) {
        HazelcastInstance hz = member;
        if (hz != null && (options == null || options.join() == null)) {
            return StatusLines.of(hz.getCluster(), new Maps(hz), sweep);
        }
        if (options == null || options.join() == null) {
            throw new InvalidInputException("cluster", "this container is in no cluster; give --join HOST:PORT");
        }
        return StatusClient.status(options, sweep);
    }

    /**
     * @return whether the coordinator announced that it stops mid-sweep ({@link Maps#STOPPING}); a cluster
     *     that cannot answer is not taken for one that stops (the coordinator's leaving tells)
     */
    private static boolean coordinatorStopping(Maps maps) {
        try {
            return maps.sweep.containsKey(Maps.STOPPING);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @return whether this container is stopping (this component, or the framework, whose bundles stop first) */
    private boolean shuttingDown() {
        try {
            return closing || context.getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Stops the runs active here at a step boundary, then the member. */
    @Deactivate
    void deactivate() {
        closing = true;
        try {
            busy.await(STOP_WAIT_MILLIS + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HazelcastInstance hz = member;
        if (hz != null) {
            hz.shutdown();
        }
    }

    private synchronized HazelcastInstance begin(ClusterOptions options, String role) {
        if (closing) {
            throw new InvalidInputException("cluster", "the container is stopping");
        }
        if (member != null) {
            throw new InvalidInputException("cluster", "this container is already a cluster member");
        }
        member = MemberStart.start(options, role, ClusterComponent.class.getClassLoader());
        busy = new CountDownLatch(1);
        return member;
    }

    private synchronized void end(HazelcastInstance hz) {
        Worker w = worker;
        if (w != null) {
            w.stop(closing, STOP_WAIT_MILLIS);
            worker = null;
        }
        hz.shutdown();
        member = null;
        busy.countDown();
    }

    /**
     * Opens the run store the coordinator records the members' runs into, on a thread of its own while the
     * sweep is put into the cluster and the other members join: a member's runs record into no store of theirs
     * ({@link ExperimentRunner#NO_STORE_FILE}), so without this the first shipped progress would wait for
     * the open (seconds: H2's classes, the file, its schema) in the collect loop, where checkpoints and
     * results wait behind it. A store that cannot be opened is reported by the first record, per run.
     *
     * @return the thread, or {@code null} when no store is installed
     */
    private Thread openStoreAhead(Path sweepDir) {
        RunStore s = store;
        if (s == null) {
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                s.open(sweepDir);
            } catch (RuntimeException e) {
                // InvalidInputException, or the store service stopped: the records say so
            }
        }, "cluster-store-open");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits (at most {@value #STOP_WAIT_MILLIS} ms) for {@link #openStoreAhead}'s thread. */
    private static void join(Thread opening) {
        if (opening == null) {
            return;
        }
        try {
            opening.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until the cluster has {@code n} members, or the container stops. */
    private void awaitMembers(HazelcastInstance hz, int n, PrintStream err) {
        long end = System.nanoTime() + ClusterOptions.MEMBERS_WAIT_SECONDS * 1_000_000_000L;
        while (hz.getCluster().getMembers().size() < n && !closing && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (hz.getCluster().getMembers().size() < n) {
            err.println("cluster: " + hz.getCluster().getMembers().size() + " of " + n + " members after "
                    + ClusterOptions.MEMBERS_WAIT_SECONDS + " s; starting with those");
        }
    }

    private Worker worker(HazelcastInstance hz, Maps maps, Path scratch, int parallel, PrintStream err,
                          PluginPins pins) {
        Worker w = new Worker(maps, hz.getCluster().getLocalMember().getUuid().toString(), reader, runner, scratch,
                parallel, err, pins, Shipping.fromSystem(), this::shuttingDown);
        worker = w;
        w.start();
        return w;
    }
}
