package org.overparam.cluster.internal;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code overparam cluster} and {@code sweep --status}: the members (role, host, pid,
 * cores, runs at once, active and finished runs), the queue's length, the claims, and the sweep's
 * progress with its throughput since it started.
 */
final class StatusLines {
    private StatusLines() {
    }

    /**
     * @param cluster the cluster
     * @param maps its state
     * @param sweep a sweep folder's name to report on, or {@code null} for everything
     * @return the lines
     */
    static List<String> of(Cluster cluster, Maps maps, String sweep) {
        List<String> out = new ArrayList<>();
        String name = maps.sweep.get("name");
        if (sweep != null && !sweep.equals(name)) {
            out.add("sweep " + sweep + " is not running on this cluster" + (name == null ? " (no sweep is)"
                    : " (" + name + " is)"));
            return out;
        }
        if (sweep == null) {
            out.add(String.format(Locale.ROOT, "%-12s %-24s %8s %6s %9s %7s %9s", "role", "host", "pid", "cores",
                    "parallel", "active", "finished"));
            for (Member m : cluster.getMembers()) {
                String[] s = split(maps.members.get(m.getUuid().toString()));
                out.add(String.format(Locale.ROOT, "%-12s %-24s %8s %6s %9s %7s %9s",
                        m.getAttribute(MemberStart.ROLE), m.getAttribute("overparam.host"),
                        m.getAttribute("overparam.pid"), m.getAttribute("overparam.cores"), s[3], s[4], s[5]));
            }
            out.add(cluster.getMembers().size() + " member(s); queue " + maps.queue.size() + ", claims "
                    + maps.claims.size());
        }
        if (name == null) {
            out.add("no sweep running");
            return out;
        }
        int total = parse(maps.sweep.get("total"));
        int before = parse(maps.sweep.get("before"));
        int done = maps.done.size();
        int refused = maps.refused.size();
        long started = parse(maps.sweep.get("started"), System.currentTimeMillis());
        double seconds = Math.max(1e-3, (System.currentTimeMillis() - started) / 1000.0);
        out.add(String.format(Locale.ROOT, "sweep %s: %d of %d runs finished (%d before this start), %d running,"
                + " %d queued, %d refused; %.2f runs/s over %.0f s", name, before + done, total, before,
                maps.claims.size(), maps.queue.size(), refused, done / seconds, seconds));
        return out;
    }

    private static String[] split(String line) {
        String[] s = line == null ? new String[0] : line.split("\t");
        String[] out = new String[] {"-", "-", "-", "-", "-", "-"};
        System.arraycopy(s, 0, out, 0, Math.min(s.length, out.length));
        return out;
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long parse(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
