package org.overparam.dashboard.internal;

import java.nio.file.Path;
import java.util.List;
import org.overparam.api.InvalidInputException;

/**
 * The arguments of {@code serve [--port P] [--host H] [--runs DIR]}: port 1-65535 (default: the
 * first free from {@value #DEFAULT_PORT}), the interface (default {@value #DEFAULT_HOST}), the runs
 * folder (default: the system property {@code overparam.runs}, else {@code ./runs}).
 *
 * @param port the port asked for, or 0 for the first free from the default
 * @param host the interface
 * @param runs the runs folder
 */
record ServeArgs(int port, String host, Path runs) {
    /** The usage line. */
    static final String USAGE = "serve [--port P] [--host H] [--runs DIR]";
    /** The port tried first. */
    static final int DEFAULT_PORT = 8321;
    /** The interface by default: this machine only. */
    static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * @param args the arguments after {@code serve}
     * @param defaultRuns the runs folder when {@code --runs} is not given
     * @return them
     * @throws InvalidInputException naming the argument, for anything else
     */
    static ServeArgs parse(List<String> args, Path defaultRuns) {
        int port = 0;
        String host = DEFAULT_HOST;
        Path runs = defaultRuns;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!List.of("--port", "--host", "--runs").contains(name)) {
                throw new InvalidInputException("serve", "unknown argument '" + a + "'; usage: overparam " + USAGE);
            }
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new InvalidInputException("serve", name + " needs a value; usage: overparam " + USAGE);
            }
            switch (name) {
                case "--port" -> port = port(value);
                case "--host" -> host = value.strip();
                default -> runs = Path.of(value);
            }
            if (host.isEmpty()) {
                throw new InvalidInputException("--host", "the interface is empty");
            }
        }
        return new ServeArgs(port, host, runs);
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new InvalidInputException("--port", "'" + value + "' is not a port (1-65535)");
    }
}
