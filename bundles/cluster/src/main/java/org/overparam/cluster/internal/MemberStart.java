package org.overparam.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cluster.Member;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterOptions;

/**
 * Starts this container's member with the safe defaults: bound to one interface (loopback unless
 * configured), no multicast or auto-detection, TCP-IP join to the coordinator only, phone-home off,
 * Hazelcast's own logging off but for refused join requests ({@link RefusedJoins}), its shutdown hook off (the DS component stops the member), and our bundle's
 * class loader. The cluster's name on the wire is the given name followed by a digest of name and
 * secret, so a member with another name or secret is not let in (Hazelcast checks the name on join).
 */
final class MemberStart {
    /** Member attribute: {@value #COORDINATOR} or {@value #WORKER}. */
    static final String ROLE = "overparam.role";
    static final String COORDINATOR = "coordinator";
    static final String WORKER = "worker";
    private static final int CONNECT_MILLIS = 3000;
    private static final long JOIN_WAIT_MILLIS = 15_000;
    private static final long REACH_MILLIS = 10_000;

    private MemberStart() {
    }

    /**
     * @param o the settings
     * @param role {@link #COORDINATOR} or {@link #WORKER}
     * @param loader the class loader for Hazelcast
     * @return the member, joined to the coordinator when {@code o.join()} is set
     * @throws InvalidInputException for settings that cannot work (one line)
     */
    static HazelcastInstance start(ClusterOptions o, String role, ClassLoader loader) {
        if (!o.loopback() && (o.secret().isEmpty() || o.name().equals(ClusterOptions.DEFAULT_NAME))) {
            throw new InvalidInputException("--bind", "binding " + o.bind() + " (not loopback) needs a cluster name"
                    + " (--cluster-name) and a shared secret (--secret or OVERPARAM_CLUSTER_SECRET)");
        }
        InetSocketAddress coordinator = null;
        if (o.join() != null) {
            coordinator = address(o.join());
            reachable(coordinator, o.join());
        } else {
            requireFree(o.bind(), o.port());
        }
        Config c = new Config();
        c.setClusterName(wireName(o));
        c.setClassLoader(loader);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        // Hazelcast's own metrics (collected every 5 s and published to JMX, for its Management Center) are
        // read by nothing here: they were a third of the Hazelcast threads' CPU samples on a member
        c.getMetricsConfig().setEnabled(false);
        RefusedJoins.install();
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        c.setProperty("hazelcast.wait.seconds.before.join", o.join() == null ? "0" : "1");
        c.setProperty("hazelcast.max.join.seconds", "10");
        c.getMemberAttributeConfig().setAttribute(ROLE, role);
        MemberInfo.local().attributes().forEach((k, v) -> c.getMemberAttributeConfig().setAttribute(k, v));
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(o.port()).setPortAutoIncrement(o.join() != null).setPortCount(100);
        n.getInterfaces().setEnabled(true).addInterface(o.bind());
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(CONNECT_MILLIS / 1000)
                .addMember(o.join() != null ? o.join() : o.bind() + ":" + o.port());
        Maps.configure(c);
        HazelcastInstance hz;
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            hz = Hazelcast.newHazelcastInstance(c);
        } catch (RuntimeException e) {
            throw new InvalidInputException(o.join() != null ? "--join" : "--port", "cannot start the cluster member on "
                    + o.bind() + ":" + o.port() + ": " + e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        if (o.join() != null && !awaitCoordinator(hz)) {
            hz.shutdown();
            String line = o.join() + " refused this member: its cluster name or secret differs from the coordinator's";
            throw new InvalidInputException("--join", line);
        }
        return hz;
    }

    /**
     * @param hz a member
     * @return the coordinator among its cluster's members, or {@code null}
     */
    static Member coordinator(HazelcastInstance hz) {
        for (Member m : hz.getCluster().getMembers()) {
            if (COORDINATOR.equals(m.getAttribute(ROLE))) {
                return m;
            }
        }
        return null;
    }

    /**
     * @param o the settings
     * @return the cluster name on the wire: the name and the first 16 hex digits of SHA-256(name, secret)
     */
    static String wireName(ClusterOptions o) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((o.name() + "\n" + o.secret())
                    .getBytes(StandardCharsets.UTF_8));
            return o.name() + "-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /**
     * @param hostPort {@code HOST:PORT}
     * @return the address
     * @throws InvalidInputException if it is not one
     */
    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new InvalidInputException("--join", "expected HOST:PORT, got '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("--join", "'" + hostPort.substring(colon + 1) + "' is not a port (1-65535)");
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
    }

    /** Connects to the coordinator, trying again for {@value #REACH_MILLIS} ms (it may be starting too). */
    private static void reachable(InetSocketAddress a, String text) {
        long end = System.nanoTime() + REACH_MILLIS * 1_000_000;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), CONNECT_MILLIS);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw new InvalidInputException("--join", "cannot reach the coordinator at " + text + " (tried for "
                            + REACH_MILLIS / 1000 + " s): " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidInputException("--join", "interrupted while reaching the coordinator at " + text);
            }
        }
    }

    private static void requireFree(String bind, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        } catch (IOException e) {
            throw new InvalidInputException("--port", "cannot listen on " + bind + ":" + port + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static boolean awaitCoordinator(HazelcastInstance hz) {
        long end = System.nanoTime() + JOIN_WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < end) {
            if (coordinator(hz) != null) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
