package org.overparam.dashboard.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;

/**
 * {@code serve [--port P] [--host H] [--runs DIR]}: turns on Felix HTTP Jetty (configuration PID
 * {@value #HTTP_PID}) on the interface and the port asked for (default 127.0.0.1 and the first free
 * port from 8321), starts the web server's bundles, which the launcher leaves stopped until now
 * ({@link WebServerBundles}), waits until it answers, and prints the address. On an interface that is not
 * loopback it also makes an access token, prints it once and stores it with permissions 0600 in
 * {@code DIR/}{@value #TOKEN_FILE}. The launcher's {@code overparam serve} calls it as a
 * {@code Function<String[], Integer>} with {@value #PROPERTY}{@code =true} and then keeps the
 * container running; the shell offers it as {@code op:serve}. Exit codes: 0 served; 2 bad input
 * (bad argument, port in use, unknown interface); 1 Jetty did not start or answer.
 */
@Component(service = Function.class, property = {ServeService.PROPERTY + "=true", "osgi.command.scope=op",
        "osgi.command.function=serve"})
public final class ServeService implements Function<String[], Integer> {
    /** The service property the launcher looks the serve function up by. */
    public static final String PROPERTY = "overparam.serve";
    /** Felix HTTP Jetty's configuration PID. */
    static final String HTTP_PID = "org.apache.felix.http";
    /** The token's file in the runs folder. */
    static final String TOKEN_FILE = ".dashboard-token";
    private static final int PORTS_TRIED = 100;
    private static final long ANSWER_MS = 20_000;
    private final ConfigurationAdmin config;
    private final Access access;
    private final BundleContext context;

    /**
     * @param config where Jetty's port and interface are set
     * @param access receives what is served
     * @param context the dashboard's bundle context, through which the web server's bundles are started
     */
    @Activate
    public ServeService(@Reference ConfigurationAdmin config, @Reference Access access, BundleContext context) {
        this.config = config;
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer apply(String[] args) {
        return serve(System.out, System.err, args);
    }

    /**
     * The Gogo command {@code op:serve}.
     *
     * @param args as for {@code overparam serve}
     * @return the exit code
     */
    public int serve(String... args) {
        return serve(System.out, System.err, args);
    }

    private int serve(PrintStream out, PrintStream err, String... args) {
        try {
            String runsProperty = System.getProperty("overparam.runs");
            ServeArgs a = ServeArgs.parse(Arrays.asList(args), Path.of(runsProperty == null || runsProperty.isBlank()
                    ? "runs" : runsProperty));
            Served now = access.served();
            if (now != null) {
                out.println("already serving " + now.url() + " (runs folder " + now.runs() + ")");
                return 0;
            }
            InetAddress address = address(a.host());
            int port = a.port() != 0 ? requireFree(address, a.port()) : firstFree(address);
            boolean loopback = address.isLoopbackAddress();
            String token = loopback ? null : Access.secret();
            Path runs = a.runs().toAbsolutePath().normalize();
            Path tokenFile = token == null ? null : writeToken(runs, token);
            access.serve(new Served(a.host(), port, loopback, token, runs));
            configure(a.host(), port);
            WebServerBundles.start(context);
            Served served = access.served();
            if (!answers(address, port)) {
                err.println("overparam: serve: the web server did not answer on " + a.host() + ":" + port
                        + " within " + ANSWER_MS / 1000 + " s");
                return 1;
            }
            out.println("dashboard: " + served.url() + " (runs folder " + runs + "; Ctrl-C stops)");
            if (token != null) {
                out.println("token: " + token + " (stored in " + tokenFile + ", mode 0600; open "
                        + served.url() + "?token=TOKEN once, or send 'Authorization: Bearer TOKEN')");
            }
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            err.println("overparam: " + e.oneLine());
            return 2;
        } catch (IOException e) {
            err.println("overparam: serve: " + e.getMessage());
            return 1;
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--host", "unknown interface '" + host + "'");
        }
    }

    private static int requireFree(InetAddress address, int port) {
        if (!free(address, port)) {
            throw new InvalidInputException("--port", "port " + port + " on " + address.getHostAddress()
                    + " is in use (leave --port out for the first free one from " + ServeArgs.DEFAULT_PORT + ")");
        }
        return port;
    }

    private static int firstFree(InetAddress address) {
        for (int p = ServeArgs.DEFAULT_PORT; p < ServeArgs.DEFAULT_PORT + PORTS_TRIED; p++) {
            if (free(address, p)) {
                return p;
            }
        }
        throw new InvalidInputException("serve", "no free port from " + ServeArgs.DEFAULT_PORT + " to "
                + (ServeArgs.DEFAULT_PORT + PORTS_TRIED - 1) + "; give one with --port");
    }

    private static boolean free(InetAddress address, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path writeToken(Path runs, String token) throws IOException {
        Files.createDirectories(runs);
        Path file = runs.resolve(TOKEN_FILE);
        Path tmp = Files.createTempFile(runs, TOKEN_FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private void configure(String host, int port) throws IOException {
        Configuration c = config.getConfiguration(HTTP_PID, "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("org.apache.felix.http.enable", Boolean.TRUE);
        p.put("org.osgi.service.http.port", port);
        p.put("org.apache.felix.http.host", host);
        p.put("org.apache.felix.https.enable", Boolean.FALSE);
        c.update(p);
    }

    private static boolean answers(InetAddress address, int port) {
        InetAddress target = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        long end = System.currentTimeMillis() + ANSWER_MS;
        while (System.currentTimeMillis() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target, port), 500);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
