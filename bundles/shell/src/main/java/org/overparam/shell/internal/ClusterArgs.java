package org.overparam.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.overparam.api.InvalidInputException;
import org.overparam.api.cluster.ClusterOptions;

/**
 * The cluster options of {@code sweep --cluster}, {@code sweep --status}, {@code worker} and
 * {@code cluster}, taken out of a command's arguments: {@code --bind ADDR}, {@code --port N},
 * {@code --join HOST:PORT}, {@code --members N} (a coordinator waits for N members), {@code --cluster-name NAME}, {@code --secret SECRET} (else the environment
 * variable {@value #SECRET_ENV}), and the flags {@code --cluster} and {@code --status SWEEP}.
 */
final class ClusterArgs {
    /** The environment variable holding the shared secret. */
    static final String SECRET_ENV = "OVERPARAM_CLUSTER_SECRET";
    static final List<String> OPTIONS = List.of("--bind", "--port", "--join", "--cluster-name", "--secret", "--status",
            "--members");
    private final List<String> rest = new ArrayList<>();
    private String bind;
    private String join;
    private String name;
    private String secret;
    private String status;
    private int port = ClusterOptions.DEFAULT_PORT;
    private int members = 1;
    private boolean cluster;
    private boolean any;

    private ClusterArgs() {
    }

    /**
     * @param command the command, for messages
     * @param args its arguments
     * @param env the environment by name ({@code System::getenv})
     * @return the cluster options found, the other arguments in {@link #rest()}
     * @throws InvalidInputException for an option without its value or a port that is not one
     */
    static ClusterArgs take(String command, List<String> args, UnaryOperator<String> env) {
        ClusterArgs c = new ClusterArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("--cluster")) {
                c.cluster = true;
                c.any = true;
                continue;
            }
            if (!OPTIONS.contains(option)) {
                c.rest.add(a);
                continue;
            }
            String value = !a.equals(option) ? a.substring(option.length() + 1) : i + 1 < args.size() ? args.get(++i) : "";
            if (value.isBlank()) {
                throw new InvalidInputException(command, option + " needs a value");
            }
            c.any = true;
            switch (option) {
                case "--bind" -> c.bind = value;
                case "--join" -> c.join = value;
                case "--cluster-name" -> c.name = value;
                case "--secret" -> c.secret = value;
                case "--status" -> c.status = value;
                case "--members" -> c.members = SweepCommand.parallel(value);
                default -> c.port = port(command, value);
            }
        }
        if (c.secret == null) {
            c.secret = env.apply(SECRET_ENV);
        }
        ClusterOptions o = c.options();
        if (!o.loopback() && (o.secret().isEmpty() || c.name == null)) {
            throw new InvalidInputException("--bind", "binding " + o.bind() + " (not loopback) needs a cluster name"
                    + " (--cluster-name) and a shared secret (--secret or " + SECRET_ENV + ")");
        }
        return c;
    }

    private static int port(String command, String value) {
        int p;
        try {
            p = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            p = 0;
        }
        if (p < 1 || p > 65535) {
            throw new InvalidInputException(command, "--port takes a port number (1-65535), not '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return p;
    }

    /** @return the arguments that are not cluster options */
    List<String> rest() {
        return rest;
    }

    /** @return whether {@code --cluster} was given */
    boolean cluster() {
        return cluster;
    }

    /** @return whether any cluster option was given */
    boolean any() {
        return any;
    }

    /** @return the sweep of {@code --status}, or {@code null} */
    String status() {
        return status;
    }

    /** @return the {@code --join} address, or {@code null} */
    String join() {
        return join;
    }

    /** @return the member's settings */
    ClusterOptions options() {
        return new ClusterOptions(bind, port, join, name, secret, members);
    }
}
