package org.overparam.api.cluster;

/**
 * How a container takes part in a cluster.
 *
 * @param bind the address this member binds (default {@value #LOOPBACK}); anything else needs a
 *     cluster name and a secret
 * @param port the port to bind (the coordinator's is fixed; a worker takes the next free one from there)
 * @param join the coordinator's {@code HOST:PORT} for a worker, or {@code null} for the coordinator
 * @param name the cluster's name (empty: {@value #DEFAULT_NAME})
 * @param secret the shared secret (empty: none; required when {@code bind} is not loopback)
 * @param members how many members (itself included) a coordinator waits for before it hands out runs
 *     (at most {@value #MEMBERS_WAIT_SECONDS} s); 1 to start at once
 */
public record ClusterOptions(String bind, int port, String join, String name, String secret, int members) {
    /** How long a coordinator waits for {@link #members()}, in seconds. */
    public static final int MEMBERS_WAIT_SECONDS = 120;
    /** The default address: the loopback interface only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 5701;
    /** The cluster's name when none is given. */
    public static final String DEFAULT_NAME = "overparam";

    /** Fills in the defaults. */
    public ClusterOptions {
        bind = bind == null || bind.isBlank() ? LOOPBACK : bind.strip();
        name = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
        secret = secret == null ? "" : secret;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        if (members < 1) {
            throw new IllegalArgumentException("members " + members + " is below 1");
        }
    }

    /** @return whether this member binds the loopback interface only */
    public boolean loopback() {
        return bind.equals(LOOPBACK) || bind.equals("localhost") || bind.startsWith("127.");
    }
}
