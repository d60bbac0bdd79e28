package org.overparam.cluster.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterOptions;

/**
 * Reads a cluster's status from outside it, as a Hazelcast client (which takes no runs and holds no
 * data), for {@code overparam cluster --join HOST:PORT} and {@code sweep --status SWEEP --join HOST:PORT}.
 */
final class StatusClient {
    private static final long CONNECT_MILLIS = 5000;

    private StatusClient() {
    }

    static List<String> status(ClusterOptions options, String sweep) {
        MemberStart.address(options.join());
        ClientConfig c = new ClientConfig();
        c.setClusterName(MemberStart.wireName(options));
        c.setClassLoader(StatusClient.class.getClassLoader());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.client.shutdownhook.enabled", "false");
        c.getNetworkConfig().addAddress(options.join());
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(CONNECT_MILLIS);
        HazelcastInstance client;
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(StatusClient.class.getClassLoader());
        try {
            client = HazelcastClient.newHazelcastClient(c);
        } catch (RuntimeException e) {
            throw new InvalidInputException("--join", "no cluster at " + options.join() + " with this cluster name"
                    + " and secret (" + e.getClass().getSimpleName() + ")");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        try {
            return StatusLines.of(client.getCluster(), new Maps(client), sweep);
        } finally {
            client.shutdown();
        }
    }
}
