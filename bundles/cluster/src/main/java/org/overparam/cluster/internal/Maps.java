package org.overparam.cluster.internal;

import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The cluster's shared state, all plain data (strings and bytes, so no class of ours crosses the wire):
 * a sweep's pinned runs by key, the queue of keys to run, the claims (key to member, with a lease that
 * the holder's heartbeat renews), the last checkpoint of each active run, the results (the finished run
 * folder, zipped), the folder of each run under way as it grows (its metrics so far) and what became of
 * each key.
 */
final class Maps {
    static final String TASKS = "op.tasks";
    static final String QUEUE = "op.queue";
    static final String CLAIMS = "op.claims";
    static final String CHECKPOINTS = "op.checkpoints";
    static final String RESULTS = "op.results";
    static final String LIVE = "op.live";
    static final String LIVE_ACK = "op.liveack";
    static final String RAN = "op.ran";
    static final String DONE = "op.done";
    static final String REFUSED = "op.refused";
    static final String NEEDS = "op.needs";
    static final String JARS = "op.jars";
    static final String PLUGINS = "op.plugins";
    static final String MEMBERS = "op.members";
    static final String SWEEP = "op.sweep";

    /** key to the run's resolved spec text */
    final IMap<String, String> tasks;
    /** keys waiting for a member */
    final IQueue<String> queue;
    /** key to the claiming member's id, with a time to live renewed by the holder */
    final IMap<String, String> claims;
    /** key to the run folder (zipped) at its last checkpoint */
    final IMap<String, byte[]> checkpoints;
    /** key to the progress of the run under way ({@link LiveShipment}: the folder without checkpoint/, artifacts/,
     * result.json, its metrics.csv from the offset the coordinator acknowledged) */
    final IMap<String, byte[]> live;
    /** key to what the coordinator has of the run's progress: {@code holder TAB folder name TAB metrics.csv bytes} */
    final IMap<String, String> liveAck;
    /** key to the finished run folder (zipped) */
    final IMap<String, byte[]> results;
    /** key to the member that ran it (host, pid, JVM) and any note on what was not shipped */
    final IMap<String, String> ran;
    /** key to its run folder's name on the coordinator, once written there */
    final IMap<String, String> done;
    /** key to the one-line reason no member runs it */
    final IMap<String, String> refused;
    /** key to the plugin jars it needs: lines {@code bundle@version sha256} */
    final IMap<String, String> needs;
    /** SHA-256 to the jar's bytes, put by the coordinator */
    final IMap<String, byte[]> jars;
    /** bundle symbolic name to its pins (lines as in {@link #needs}) after the coordinator's plugin was swapped */
    final IMap<String, String> plugins;
    /** member id to its status line */
    final IMap<String, String> members;
    /**
     * the sweep: name, total, started (epoch milliseconds), and {@value #STOPPING} once the coordinator
     * stops
     */
    final IMap<String, String> sweep;
    /**
     * The key of {@link #sweep} the coordinator sets when its container stops mid-sweep, before it stops its
     * own runs: the workers stop theirs at a step boundary then, instead of running on until the coordinator
     * has left the cluster (seconds later: runs they finish meanwhile would reach a coordinator whose
     * plugins and run store are stopping).
     */
    static final String STOPPING = "stopping";

    Maps(HazelcastInstance hz) {
        tasks = hz.getMap(TASKS);
        queue = hz.getQueue(QUEUE);
        claims = hz.getMap(CLAIMS);
        checkpoints = hz.getMap(CHECKPOINTS);
        results = hz.getMap(RESULTS);
        live = hz.getMap(LIVE);
        liveAck = hz.getMap(LIVE_ACK);
        ran = hz.getMap(RAN);
        done = hz.getMap(DONE);
        refused = hz.getMap(REFUSED);
        needs = hz.getMap(NEEDS);
        jars = hz.getMap(JARS);
        plugins = hz.getMap(PLUGINS);
        members = hz.getMap(MEMBERS);
        sweep = hz.getMap(SWEEP);
    }

    /**
     * Every map keeps one synchronous backup (Hazelcast's default, stated here because losing a member
     * must lose no checkpoint, claim or result), the queue too.
     *
     * @param config the member's configuration
     */
    static void configure(Config config) {
        for (String m : new String[] {TASKS, CLAIMS, CHECKPOINTS, RESULTS, LIVE, LIVE_ACK, RAN, DONE, REFUSED, NEEDS, JARS, PLUGINS,
                                      MEMBERS, SWEEP}) {
            config.getMapConfig(m).setBackupCount(1);
        }
        config.getQueueConfig(QUEUE).setBackupCount(1);
    }

    /** Empties the sweep's state once it is over. */
    void clear() {
        tasks.clear();
        queue.clear();
        claims.clear();
        checkpoints.clear();
        results.clear();
        live.clear();
        liveAck.clear();
        ran.clear();
        done.clear();
        refused.clear();
        needs.clear();
        jars.clear();
        plugins.clear();
        sweep.clear();
    }
}
