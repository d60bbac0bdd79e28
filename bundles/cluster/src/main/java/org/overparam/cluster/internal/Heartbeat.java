package org.overparam.cluster.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Once a second: renews the lease of every claim this member holds (and claims a run again whose lease
 * ran out while nobody else took it; a run another member took meanwhile is stopped here at a step boundary
 * and nothing more of it is shipped from here, so that its progress and result come from one member), ships the checkpoint of each active
 * run that wrote a new one since the last beat ({@link Shipping#checkpoint}), the folder of each active run
 * whose metrics.csv grew since the last beat ({@link Shipping#live}: the coordinator records its rows as
 * they come), and publishes this
 * member's status line (host, pid, cores, runs at once, active and finished runs) for {@code cluster}.
 */
final class Heartbeat {
    private static final long BEAT_MILLIS = 1000;
    private final Maps maps;
    private final String me;
    private final MemberInfo member;
    private final int parallel;
    private final Map<String, Worker.Active> active;
    private final AtomicInteger finished;
    private final Shipping shipping;
    private final Consumer<Worker.Active> lost;
    private final Thread thread;
    private volatile boolean stopped;

    Heartbeat(Maps maps, String me, MemberInfo member, int parallel, Map<String, Worker.Active> active,
              AtomicInteger finished, Shipping shipping, Consumer<Worker.Active> lost) {
        this.maps = maps;
        this.me = me;
        this.member = member;
        this.parallel = parallel;
        this.active = active;
        this.finished = finished;
        this.shipping = shipping;
        this.lost = lost;
        this.thread = new Thread(this::loop, "cluster-heartbeat");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param folder a run folder
     * @return its checkpoint's modification time and size folded into one number, or -1 without one
     */
    static long stamp(Path folder) {
        Path cp = folder.resolve("checkpoint").resolve("checkpoint.bin");
        try {
            return Files.getLastModifiedTime(cp).toMillis() * 31 + Files.size(cp);
        } catch (IOException e) {
            return -1;
        }
    }

    /** @return the size of a run folder's metrics.csv, or -1 without one */
    private static long rowsSize(Path folder) {
        try {
            return Files.size(folder.resolve("metrics.csv"));
        } catch (IOException e) {
            return -1;
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                beat();
                Thread.sleep(BEAT_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
            }
        }
    }

    private void beat() {
        for (Worker.Active a : active.values()) {
            if (a.lost) {
                continue;
            }
            String holder = maps.claims.putIfAbsent(a.key, me, Worker.LEASE_SECONDS, TimeUnit.SECONDS);
            if (me.equals(holder)) {
                maps.claims.setTtl(a.key, Worker.LEASE_SECONDS, TimeUnit.SECONDS);
            } else if (holder != null) {
                lost.accept(a);
                continue;
            }
            Path folder = a.folder;
            if (folder != null) {
                long stamp = stamp(folder);
                if (stamp != -1 && stamp != a.shipped) {
                    shipping.checkpoint(maps, a.key, folder);
                    a.shipped = stamp;
                }
                long rows = rowsSize(folder);
                if (rows > 0 && rows != a.liveSize) {
                    shipping.live(maps, a.key, folder, me, member);
                    a.liveSize = rows;
                }
            }
        }
        maps.members.set(me, member.host() + "\t" + member.pid() + "\t" + member.cores() + "\t" + parallel + "\t"
                + active.size() + "\t" + finished.get(), 3 * BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }
}
