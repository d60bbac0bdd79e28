package org.overparam.cluster.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.SweepPoint;

/**
 * Takes runs from the cluster, {@code parallel} at once, each on a thread of its own: a key from the
 * queue, then its claim (refused when another member holds it), then the run in a scratch folder that
 * keeps no run store ({@link ExperimentRunner#NO_STORE_FILE}: the coordinator records the run from what
 * is shipped, once), from
 * the checkpoint shipped for it when there is one ({@link ExperimentRunner#resume}), else from its pinned
 * spec; at its end the run folder goes to the results, keyed by the run's key. A {@link Heartbeat}
 * renews the claims and ships each new checkpoint and the run's progress; when it finds that another member
 * holds a run's claim (this member's lease ran out), the run is stopped here and nothing more of it is
 * shipped. A {@link PinPush} installs the plugins the coordinator swapped. {@link #stop} stops the active runs at a step
 * boundary (interrupting their threads); with {@code ship} their stop checkpoints go to the cluster and
 * their claims are dropped, so that another member continues them.
 */
final class Worker {
    /** How long a claim lives without its holder's heartbeat, in seconds. */
    static final long LEASE_SECONDS = 8;
    private final Maps maps;
    private final String me;
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final Path scratch;
    private final int parallel;
    private final PrintStream err;
    private final PluginPins pins;
    private final Shipping shipping;
    private final java.util.function.BooleanSupplier shuttingDown;
    private final MemberInfo member = MemberInfo.local();
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean ship;
    private Heartbeat heartbeat;
    private PinPush push;

    /** A run this member is running: its key and, once known, its folder. */
    static final class Active {
        final String key;
        volatile Path folder;
        volatile long shipped = -1;
        volatile long liveSize = -1;
        /** another member holds the run's claim now: this member stops it and ships nothing of it */
        volatile boolean lost;

        Active(String key) {
            this.key = key;
        }
    }

    Worker(Maps maps, String me, SpecReader reader, ExperimentRunner runner, Path scratch, int parallel,
           PrintStream err, PluginPins pins, Shipping shipping, java.util.function.BooleanSupplier shuttingDown) {
        this.maps = maps;
        this.me = me;
        this.reader = reader;
        this.runner = runner;
        this.scratch = scratch;
        this.parallel = parallel;
        this.err = err;
        this.pins = pins;
        this.shipping = shipping;
        this.shuttingDown = shuttingDown;
    }

    /** Starts the threads and the heartbeat. */
    void start() {
        heartbeat = new Heartbeat(maps, me, member, parallel, active, finished, shipping, this::lost);
        heartbeat.start();
        push = new PinPush(maps, pins, member, err);
        push.start();
        for (int i = 0; i < parallel; i++) {
            Thread t = new Thread(this::loop, "cluster-run-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** @return how many runs are active now */
    int active() {
        return active.size();
    }

    /**
     * Stops taking runs and stops the active ones at their next step boundary, then waits for them.
     *
     * @param shipCheckpoints whether to ship their stop checkpoints and drop their claims (the cluster
     *     goes on without this member), or leave them (the coordinator is gone)
     * @param waitMillis how long to wait for the runs to stop
     * @return how many runs were active when asked
     */
    int stop(boolean shipCheckpoints, long waitMillis) {
        this.ship = shipCheckpoints;
        stopping = true;
        int n = active.size();
        threads.forEach(Thread::interrupt);
        long end = System.nanoTime() + waitMillis * 1_000_000;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (heartbeat != null) {
            heartbeat.stop();
        }
        if (push != null) {
            push.stop();
        }
        return n;
    }

    private void loop() {
        while (!stopping && !shuttingDown.getAsBoolean()) {
            String key;
            try {
                key = maps.queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                throw e;
            }
            if (key == null || maps.done.containsKey(key) || maps.refused.containsKey(key)
                    || maps.claims.putIfAbsent(key, me, LEASE_SECONDS, TimeUnit.SECONDS) != null) {
                continue;
            }
            Active a = new Active(key);
            active.put(key, a);
            try {
                execute(a);
            } catch (RuntimeException e) {
                if (!stopping) {
                    refuse(key, "failed on " + member.line() + ": " + e);
                }
            } finally {
                active.remove(key);
                Thread.interrupted();
            }
        }
    }

    private void execute(Active a) {
        String key = a.key;
        String text = maps.tasks.get(key);
        if (text == null) {
            maps.claims.remove(key, me);
            return;
        }
        String refusal = pins.check(key);
        if (refusal != null) {
            refuse(key, member.host() + " pid " + member.pid() + ": " + refusal);
            return;
        }
        RunResult r;
        try {
            if (!Files.exists(scratch.resolve(ExperimentRunner.NO_STORE_FILE))) {
                // the coordinator records the runs from their shipped folders: none goes to a store here
                Files.createDirectories(scratch);
                Files.writeString(scratch.resolve(ExperimentRunner.NO_STORE_FILE), "");
            }
            byte[] checkpoint = maps.checkpoints.get(key);
            if (checkpoint == null) {
                // a run that another member started and left before its first checkpoint: its folder
                // (shipped as it ran) starts again from step 0 under the same name, so that the
                // coordinator, which recorded its progress under that name, stores it once
                byte[] live = maps.live.get(key);
                checkpoint = live == null ? null : LiveShipment.decode(live).zip();
            }
            RunListener listener = e -> {
                if (e.type() == RunEvent.Type.STARTED && a.folder == null) {
                    a.folder = scratch.resolve(e.runId());
                    if (a.lost) {
                        runner.requestStop(a.folder);
                    }
                }
            };
            if (checkpoint != null) {
                a.folder = FolderZip.unzip(checkpoint, scratch);
                a.shipped = Heartbeat.stamp(a.folder);
                r = runner.resume(a.folder, f -> reader.read(f, List.of()), listener);
            } else {
                Path file = scratch.resolve(key + ".yaml");
                Files.writeString(file, text, StandardCharsets.UTF_8);
                RunSpec spec;
                try {
                    spec = reader.read(file, List.of());
                } finally {
                    Files.deleteIfExists(file);
                }
                if (!SweepPoint.key(spec.text()).equals(key)) {
                    refuse(key, member.host() + " pid " + member.pid() + ": the run's pinned spec reads back"
                            + " differently here (another version of the experiment reader)");
                    return;
                }
                r = runner.run(spec, scratch, listener);
            }
        } catch (InvalidInputException e) {
            refuse(key, member.host() + " pid " + member.pid() + ": " + e.oneLine());
            return;
        } catch (IOException e) {
            throw new IllegalStateException("scratch folder " + scratch + ": " + e.getMessage(), e);
        }
        if (a.lost || !holds(key)) {
            // another member took the run over (this member's lease ran out): it stopped here or ended
            // unshipped, so that the run's progress and result come from one member under one run id
            err.println("cluster: run " + key.substring(0, 12) + " was taken over by another member (this member's"
                    + " lease ran out); " + (r.status() == RunStatus.STOPPED ? "stopped" : "ended") + " here, not shipped");
            deleteScratch(r.directory());
            return;
        }
        if (r.status() == RunStatus.STOPPED) {
            // Stopped at a boundary (this container stops, or a stop request): not a result. Its stop
            // checkpoint goes to the cluster and the claim is dropped, so another member continues it;
            // when the coordinator is gone there is nobody to ship to.
            if ((ship || !stopping) && r.directory() != null) {
                shipping.checkpoint(maps, key, r.directory());
                maps.claims.remove(key, me);
            }
            return;
        }
        if (r.directory() == null) {
            refuse(key, member.host() + " pid " + member.pid() + ": the run ended " + r.status() + " without a folder");
            return;
        }
        shipping.result(maps, key, r.directory(), member);
        maps.checkpoints.delete(key);
        maps.claims.remove(key, me);
        finished.incrementAndGet();
        deleteScratch(r.directory());
    }

    /**
     * @param key a run's key
     * @return whether this member holds its claim (claiming it again when its lease ran out and nobody took it)
     */
    boolean holds(String key) {
        String holder = maps.claims.putIfAbsent(key, me, LEASE_SECONDS, TimeUnit.SECONDS);
        return holder == null || me.equals(holder);
    }

    /** The heartbeat found another member holding a run this member runs: stop it at a step boundary. */
    private void lost(Active a) {
        a.lost = true;
        Path folder = a.folder;
        if (folder != null) {
            runner.requestStop(folder);
        }
    }

    private void deleteScratch(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            FolderZip.delete(folder);
        } catch (IOException e) {
            err.println("cluster: cannot delete the run folder " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Refuses a run for the whole cluster; while this container shuts down (its plugins stop before this
     * component does), the run goes back to the queue instead, for another member.
     */
    private void refuse(String key, String reason) {
        if (shuttingDown.getAsBoolean()) {
            maps.claims.remove(key, me);
            maps.queue.offer(key);
            return;
        }
        String line = reason.replaceAll("\\p{Cntrl}", " ");
        maps.refused.putIfAbsent(key, line);
        maps.claims.remove(key, me);
        err.println("cluster: run " + key.substring(0, 12) + " refused: " + line);
    }
}
