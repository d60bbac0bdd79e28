package org.overparam.cluster.internal;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterResult;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;

/**
 * The coordinator's side of a clustered sweep: puts the runs not finished yet into the cluster (with
 * the checkpointed folder of an interrupted one, and the pinned plugin jars) while it waits for the
 * members asked for, then queues their keys, largest estimated work first ({@link ClaimOrder}), and, until
 * every run has a result or a refusal (waking at each result, checkpoint or progress shipped, else every
 * {@value #LOOP_MILLIS} ms): writes each result into the sweep folder once (the first result of a key; a
 * run finished twice is stored once) and records it in the run store with the member that ran it;
 * writes each shipped checkpoint into the sweep folder too, so that {@code sweep --resume} continues
 * from it if the coordinator goes away; writes each run's shipped progress over its folder there and
 * records its new rows in the run store, so that a run under way is seen as it goes (only from the member
 * that holds the run's claim, acknowledging the bytes of metrics.csv it has so that the next shipment
 * holds only the rows after them: {@link LiveShipment}); re-pins the runs without a result when a pinned
 * plugin is swapped here ({@link PluginSwaps}); drops the claims of members that left and requeues the runs
 * nobody holds ({@link Reconcile}). When the container stops mid-sweep it tells the workers at once
 * ({@link Maps#STOPPING}, from a thread of its own), records no more progress (the store and plugins are
 * stopping), stops its own runs and writes the checkpoints shipped so far into the sweep folder.
 */
final class Coordinator {
    private static final long LOOP_MILLIS = 200;
    private static final long RECONCILE_MILLIS = 1000;
    private static final long STOP_WATCH_MILLIS = 100;
    private final HazelcastInstance hz;
    private final Maps maps;
    private final SpecReader reader;
    private final ExperimentRunner runner;
    private final PluginPins pins;
    private final PluginSwaps swaps;
    private final PrintStream err;
    private final ConcurrentLinkedQueue<String> checkpointed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> progressed = new ConcurrentLinkedQueue<>();
    /** key to the names of the folders whose progress was written for it */
    private final Map<String, Set<String>> liveFolders = new HashMap<>();
    private final ConcurrentLinkedQueue<UUID> left = new ConcurrentLinkedQueue<>();
    /** released by each result, checkpoint and progress shipped: the loop goes round at once */
    private final Semaphore wake = new Semaphore(0);
    private int total;
    /** whether the container stops */
    private final BooleanSupplier closing;

    Coordinator(HazelcastInstance hz, Maps maps, SpecReader reader, ExperimentRunner runner, PluginPins pins,
                PluginSwaps swaps, PrintStream err, BooleanSupplier closing) {
        this.closing = closing;
        this.hz = hz;
        this.maps = maps;
        this.reader = reader;
        this.runner = runner;
        this.pins = pins;
        this.swaps = swaps;
        this.err = err;
    }

    /**
     * @param sweep the sweep
     * @param dir its folder
     * @param finished keys finished before
     * @param interrupted interrupted run folders by key
     * @param ownStop stops this member's own runs (shipping their checkpoints) before the last writes
     * @param awaitMembers waits for the members asked for; called once the runs are in the cluster and
     *     before their keys are queued, so that the sweep is prepared while the members join
     * @return how it ended
     */
    ClusterResult run(Sweep sweep, Path dir, Set<String> finished, Map<String, Path> interrupted,
                      Runnable ownStop, Runnable awaitMembers) {
        maps.clear();
        swaps.start();
        try {
            return coordinate(sweep, dir, finished, interrupted, ownStop, awaitMembers);
        } finally {
            swaps.stop();
        }
    }

    private ClusterResult coordinate(Sweep sweep, Path dir, Set<String> finished, Map<String, Path> interrupted,
                                     Runnable ownStop, Runnable awaitMembers) {
        total = sweep.points().size();
        Map<String, SweepPoint> open = new LinkedHashMap<>();
        Map<String, byte[]> jars = new HashMap<>();
        for (SweepPoint p : sweep.points()) {
            if (!finished.contains(p.key())) {
                open.put(p.key(), p);
                maps.needs.set(p.key(), pins.needs(p.spec(), jars));
            }
        }
        jars.forEach(maps.jars::set);
        maps.checkpoints.addEntryListener(new KeyListener(checkpointed, wake), false);
        maps.live.addEntryListener(new KeyListener(progressed, wake), false);
        maps.results.addEntryListener(new KeyListener(null, wake), false);
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                left.add(e.getMember().getUuid());
            }
        });
        for (SweepPoint p : open.values()) {
            Path folder = interrupted.get(p.key());
            if (folder != null) {
                maps.checkpoints.set(p.key(), FolderZip.zip(folder, name -> true, Long.MAX_VALUE));
            }
            maps.tasks.set(p.key(), p.spec().text());
        }
        maps.sweep.set("name", dir.getFileName().toString());
        maps.sweep.set("total", Integer.toString(sweep.points().size()));
        maps.sweep.set("before", Integer.toString(sweep.points().size() - open.size()));
        awaitMembers.run();
        maps.sweep.set("started", Long.toString(System.currentTimeMillis()));
        maps.queue.addAll(ClaimOrder.largestFirst(List.copyOf(open.values()), runner));
        err.println("cluster sweep " + sweep.name() + ": " + open.size() + " run" + (open.size() == 1 ? "" : "s")
                + " to run on " + hz.getCluster().getMembers().size() + " member(s) now; results in " + dir);
        Thread stopWatch = watchStop();
        try {
            return collectUntilDone(dir, open, ownStop);
        } finally {
            stopWatch.interrupt();
        }
    }

    /**
     * Announces {@link Maps#STOPPING} to the workers as soon as the container starts to stop, on a thread of
     * its own: the collect loop may be in the middle of recording (seconds, when the stop closes the store
     * under it), and the workers should not run on meanwhile.
     */
    private Thread watchStop() {
        Thread t = new Thread(() -> {
            try {
                while (!closing.getAsBoolean()) {
                    Thread.sleep(STOP_WATCH_MILLIS);
                }
                maps.sweep.set(Maps.STOPPING, "true");
            } catch (InterruptedException | RuntimeException e) {
                // the sweep ended, or the cluster stopped under the watch: nobody to tell
            }
        }, "cluster-stop-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private ClusterResult collectUntilDone(Path dir, Map<String, SweepPoint> open, Runnable ownStop) {
        Set<String> written = new HashSet<>();
        Map<String, String> refused = new HashMap<>();
        Reconcile reconcile = new Reconcile();
        long nextReconcile = 0;
        boolean stopped = false;
        while (written.size() + refused.size() < open.size()) {
            if (closing.getAsBoolean()) {
                stopped = true;
                ownStop.run();
                collect(dir, open, written, refused);
                checkpointed.addAll(maps.checkpoints.keySet());
                collect(dir, open, written, refused);
                break;
            }
            collect(dir, open, written, refused);
            Set<String> pending = new HashSet<>(open.keySet());
            pending.removeAll(written);
            pending.removeAll(refused.keySet());
            swaps.apply(pending);
            if (System.currentTimeMillis() >= nextReconcile) {
                dropClaimsOfLeft();
                List<String> again = reconcile.step(pending, new HashSet<>(maps.claims.keySet()),
                        new HashSet<>(maps.queue));
                again.forEach(maps.queue::offer);
                nextReconcile = System.currentTimeMillis() + RECONCILE_MILLIS;
            }
            try {
                if (wake.tryAcquire(LOOP_MILLIS, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                break;
            }
        }
        if (!stopped) {
            maps.clear();
        }
        return new ClusterResult(refused, !stopped);
    }

    private void collect(Path dir, Map<String, SweepPoint> open, Set<String> written, Map<String, String> refused) {
        for (String key : maps.results.keySet()) {
            if (written.contains(key) || !open.containsKey(key)) {
                maps.results.delete(key);
                continue;
            }
            byte[] zip = maps.results.get(key);
            if (zip == null) {
                continue;
            }
            String ran = maps.ran.get(key);
            String[] member = ran == null ? new String[] {"member:unknown", "an unknown member"} : ran.split("\t", 2);
            Path folder = FolderZip.unzip(zip, dir);
            try {
                runner.record(folder, f -> reader.read(f, List.of()), List.of(member[0]));
            } catch (InvalidInputException e) {
                err.println("cluster: run " + folder.getFileName() + " not recorded in the run store: " + e.oneLine());
            }
            written.add(key);
            maps.done.set(key, folder.getFileName().toString());
            maps.results.delete(key);
            maps.checkpoints.delete(key);
            maps.live.delete(key);
            checkpointed.remove(key);
            dropOtherLiveFolders(dir, key, folder.getFileName().toString());
            SweepPoint p = open.get(key);
            err.println("run " + p.index() + "/" + total + " " + folder.getFileName() + " ran on "
                    + (member.length > 1 ? member[1] : member[0]));
        }
        for (Map.Entry<String, String> e : maps.refused.entrySet()) {
            if (open.containsKey(e.getKey()) && !written.contains(e.getKey())
                    && refused.putIfAbsent(e.getKey(), e.getValue()) == null) {
                err.println("run " + open.get(e.getKey()).index() + " refused: " + e.getValue());
            }
        }
        for (String key = checkpointed.poll(); key != null; key = checkpointed.poll()) {
            byte[] zip = maps.checkpoints.get(key);
            if (zip != null && !written.contains(key) && open.containsKey(key)) {
                FolderZip.unzip(zip, dir);
            }
        }
        Set<String> keys = new HashSet<>();
        for (String key = progressed.poll(); key != null; key = progressed.poll()) {
            keys.add(key);
        }
        for (String key : keys) {
            byte[] zip = maps.live.get(key);
            if (zip != null && !written.contains(key) && open.containsKey(key)) {
                progress(dir, key, zip);
            }
        }
    }

    /**
     * Writes the shipped progress of a run under way over its folder in the sweep folder (keeping the
     * checkpoint written there) and records its new rows in the run store, so that {@code runs},
     * {@code show} and the dashboard see it as it runs; its result replaces both at its end.
     */
    private void progress(Path dir, String key, byte[] bytes) {
        if (closing.getAsBoolean()) {
            // the container stops: its plugins and run store are stopping, so no record could be made; the
            // run's last checkpoint in the sweep folder is what sweep --resume continues
            return;
        }
        try {
            LiveShipment live = LiveShipment.decode(bytes);
            if (!live.holder().equals(maps.claims.get(key)) || maps.results.containsKey(key)) {
                return;
            }
            Path folder = FolderZip.overlay(live.zip(), dir, live.from());
            if (folder == null) {
                // a shipment was lost, or a checkpoint written since put back an older metrics.csv: the
                // member ships from what this copy has at its next beat
                Path copy = dir.resolve(FolderZip.rootOf(live.zip()));
                Path metrics = copy.resolve(FolderZip.METRICS);
                maps.liveAck.set(key, live.holder() + "\t" + copy.getFileName() + "\t"
                        + (Files.isRegularFile(metrics) ? Files.size(metrics) : 0));
                return;
            }
            Files.writeString(folder.resolve(FolderZip.LOCK), Long.toString(live.pid()), StandardCharsets.UTF_8);
            maps.liveAck.set(key, live.holder() + "\t" + folder.getFileName() + "\t"
                    + Files.size(folder.resolve(FolderZip.METRICS)));
            liveFolders.computeIfAbsent(key, k -> new HashSet<>()).add(folder.getFileName().toString());
            runner.record(folder, f -> reader.read(f, List.of()), List.of(live.tag()));
        } catch (InvalidInputException e) {
            err.println("cluster: the progress of run " + key.substring(0, 12) + " not recorded: " + e.oneLine());
        } catch (RuntimeException | java.io.IOException e) {
            err.println("cluster: the progress of run " + key.substring(0, 12) + " not recorded: " + e);
        }
    }

    /**
     * Deletes the folders whose progress was written for a run under another name than its result's; the
     * run store keeps their records, RUNNING. Only a claim that changed hands between the check in
     * {@link #progress} and its write leads here: a member that lost its claim ships nothing more, and a
     * member that takes a run over continues in the folder its holder shipped.
     */
    private void dropOtherLiveFolders(Path dir, String key, String kept) {
        Set<String> names = liveFolders.remove(key);
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (!name.equals(kept)) {
                try {
                    FolderZip.delete(dir.resolve(name));
                } catch (java.io.IOException e) {
                    err.println("cluster: cannot delete " + dir.resolve(name) + ": " + e.getMessage());
                }
            }
        }
    }

    private void dropClaimsOfLeft() {
        for (UUID id = left.poll(); id != null; id = left.poll()) {
            String gone = id.toString();
            for (Map.Entry<String, String> c : maps.claims.entrySet()) {
                if (gone.equals(c.getValue())) {
                    maps.claims.remove(c.getKey(), gone);
                }
            }
            maps.members.delete(gone);
        }
    }

    /**
     * Queues the key of each checkpoint (or progress) shipped, for the loop to write into the sweep folder
     * (no queue: results, which the loop lists itself), and wakes the loop.
     */
    private static final class KeyListener implements EntryAddedListener<String, byte[]>,
            EntryUpdatedListener<String, byte[]> {
        private final ConcurrentLinkedQueue<String> keys;
        private final Semaphore wake;

        KeyListener(ConcurrentLinkedQueue<String> keys, Semaphore wake) {
            this.keys = keys;
            this.wake = wake;
        }

        @Override
        public void entryAdded(EntryEvent<String, byte[]> e) {
            entryUpdated(e);
        }

        @Override
        public void entryUpdated(EntryEvent<String, byte[]> e) {
            if (keys != null) {
                keys.add(e.getKey());
            }
            wake.release();
        }
    }
}
