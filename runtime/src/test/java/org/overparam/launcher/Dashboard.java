package org.overparam.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A dashboard for the tests: a copy of the assembled distribution in a test folder (so a plugin
 * uploaded through the page lands in the copy's plugins folder, never in target/overparam), with
 * one plugin jar ({@value #HELD_BACK}) held back for the upload, {@code serve --port P --runs DIR}
 * on a free loopback port, runs started beside it, and an HTTP client. {@link #close} ends every
 * process it started (SIGTERM, then SIGKILL after 20 s).
 */
final class Dashboard implements AutoCloseable {
    /** The plugin left out of the copy; its optimizer is projected-gd. */
    static final String HELD_BACK = "overparam-plugin-optim-projected.jar";
    private static final Pattern URL = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern RUN_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private final Path work;
    private final Path dist;
    private final Path runs;
    private final List<Process> processes = new ArrayList<>();
    private final java.util.Map<String, Process> runProcesses = new java.util.HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private Dashboard(Path work) {
        this.work = work;
        this.dist = work.resolve("dist");
        this.runs = work.resolve("runs");
    }

    /**
     * @param work the test's folder
     * @return a served dashboard
     * @throws Exception if it does not come up within 90 s
     */
    static Dashboard start(Path work) throws Exception {
        Dashboard d = new Dashboard(work);
        d.copyDistribution();
        int port = freePort();
        d.launch("serve", "serve", "--port", Integer.toString(port), "--runs", d.runs.toString());
        Path out = work.resolve("serve.out");
        d.base = await(() -> {
            try {
                Matcher m = URL.matcher(Files.exists(out) ? Files.readString(out) : "");
                return m.find() ? m.group(1) : null;
            } catch (IOException e) {
                return null;
            }
        }, 90, "serve printed no address; see " + work.resolve("serve.err"));
        return d;
    }

    /** @return the held-back plugin jar */
    static Path heldBack() {
        return home().resolve("plugins").resolve(HELD_BACK);
    }

    private static Path home() {
        return Path.of(System.getProperty(Distribution.HOME_PROPERTY));
    }

    private void copyDistribution() throws IOException {
        Path home = home();
        for (String folder : List.of("lib", "bundles", "plugins", "conf", "etc")) {
            Path from = home.resolve(folder);
            Path to = Files.createDirectories(dist.resolve(folder));
            if (!Files.isDirectory(from)) {
                continue;
            }
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    if (!p.getFileName().toString().equals(HELD_BACK)) {
                        Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /**
     * @param name the name of its .out and .err files
     * @param args the launcher's arguments
     * @return the started process (ended by {@link #close})
     * @throws IOException if it cannot start
     */
    Process launch(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", dist.resolve("lib").resolve("overparam-launcher.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile());
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = b.start();
        processes.add(p);
        return p;
    }

    /**
     * Starts {@code overparam run SPEC --runs DIR} and waits until the store lists the run.
     *
     * @param name the spec's file name (and the process's output names)
     * @param spec the experiment
     * @return the run's id
     * @throws Exception if it is not listed within 90 s
     */
    String run(String name, String spec) throws Exception {
        Path file = Files.writeString(work.resolve(name + ".yaml"), spec);
        String log = name + "-" + processes.size();
        Process p = launch(log, "run", file.toString(), "--runs", runs.toString());
        String[] last = {""};
        String id = await(() -> {
            HttpResponse<String> r = get("/api/runs?q=name%3D" + name);
            last[0] = r.statusCode() + " " + r.body() + (p.isAlive() ? "" : "; the run's process ended with " + p.exitValue());
            Matcher m = RUN_ID.matcher(r.body());
            return m.find() ? m.group(1) : null;
        }, 90, () -> "run " + name + " was not listed (last answer: " + last[0] + "); see target/dashboard-it/" + log
                + ".err");
        runProcesses.put(id, p);
        return id;
    }

    /**
     * Waits for the process of a run {@link #run} started to end (a stopped run's process writes its
     * checkpoint and closes the store first; a run started meanwhile would share the store with it).
     *
     * @param id the run
     * @return its exit code
     */
    int awaitEnd(String id) throws InterruptedException {
        Process p = runProcesses.get(id);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the process of run " + id + " did not end within 60 s");
        }
        return p.exitValue();
    }

    /** @return the address of a path, e.g. {@code /runs} */
    String url(String path) {
        return base + path.substring(1);
    }

    Path runs() {
        return runs;
    }

    Path plugins() {
        return dist.resolve("plugins");
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    HttpResponse<String> post(String path, String form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded"), headers);
    }

    /** @return this container's CSRF token, from {@code GET /api/session} */
    String csrf() {
        Matcher m = Pattern.compile("\"csrf\":\"([0-9a-f]+)\"").matcher(get("/api/session").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in /api/session");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param value what to poll every 200 ms; {@code null} means not yet
     * @param seconds how long at most
     * @param failure the assertion's message
     * @return the first value that is not {@code null}
     */
    static <T> T await(Supplier<T> value, long seconds, String failure) throws InterruptedException {
        return await(value, seconds, () -> failure);
    }

    /** As {@link #await(Supplier, long, String)}, with the message made when it fails. */
    static <T> T await(Supplier<T> value, long seconds, Supplier<String> failure) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(failure.get() + " (after " + seconds + " s)");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        keepLogs();
    }

    /** Copies the processes' .out and .err files to target/dashboard-it, for a failure's diagnosis. */
    private void keepLogs() {
        try (Stream<Path> s = Files.list(work)) {
            Path logs = Files.createDirectories(Path.of("target", "dashboard-it"));
            for (Path p : s.filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".err")).toList()) {
                Files.copy(p, logs.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the logs are a convenience; the test's own result stands
        }
    }
}
