package org.overparam.dashboard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.jar.JarInputStream;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;

/**
 * The container in the API: {@code GET /api/container} ({@link ContainerView}: bundles, the plugins
 * folder, components by kind, stale revisions), {@code GET /api/container/events} (the same, as a
 * Server-Sent Event whenever it changes, checked every {@value #TICK_MS} ms) and
 * {@code POST /api/plugins?name=NAME.jar} with the jar as the body: checked to be a jar with a
 * {@code Bundle-SymbolicName}, written beside the plugins folder, checked by the {@code verify}
 * command's checks (the shell's {@code overparam.verify} service; its report is the answer's
 * {@code report}), and only if they pass moved into the plugins folder in one step, so the folder
 * watcher installs (or updates) it as a whole. A jar that fails is not installed (422). With
 * {@code &verify=only} the jar is checked and never installed.
 */
@Component(service = ContainerApi.class)
public final class ContainerApi {
    static final long TICK_MS = 1000;
    /** The largest jar accepted. */
    static final long MAX_JAR_BYTES = 64L << 20;
    private final ContainerView view;
    private final BundleContext context;
    private final List<AsyncContext> watchers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "overparam-dashboard-container");
        t.setDaemon(true);
        return t;
    });
    private volatile String last = "";
    /** The verify command's checks, from the shell bundle; without it an upload is installed unchecked. */
    @Reference(target = "(overparam.verify=true)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BiFunction<Path, PrintStream, Integer> verify;

    /**
     * @param context this bundle's context: the bundles and the plugins folder
     * @param registry the components
     * @param runner the stale revisions
     */
    @Activate
    public ContainerApi(BundleContext context, @Reference ComponentRegistry registry,
                        @Reference ExperimentRunner runner) {
        this.context = context;
        this.view = new ContainerView(context, registry, runner);
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        ticker.shutdownNow();
        watchers.forEach(AsyncContext::complete);
    }

    void handle(List<String> path, HttpServletRequest req, HttpServletResponse res, boolean post) throws IOException {
        if (path.equals(List.of("container")) && !post) {
            Json.send(res, 200, view.json());
        } else if (path.equals(List.of("container", "events")) && !post) {
            res.setContentType("text/event-stream;charset=UTF-8");
            res.setHeader("Cache-Control", "no-store");
            res.getOutputStream().write(("data: " + view.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
            res.flushBuffer();
            AsyncContext a = req.startAsync();
            a.setTimeout(0);
            watchers.add(a);
        } else if (path.equals(List.of("plugins")) && post) {
            upload(req, res);
        } else if (path.equals(List.of("plugins"))) {
            res.setHeader("Allow", "POST");
            Json.error(res, 405, "uploading a plugin changes the container: POST it with the CSRF token");
        } else {
            Json.error(res, 404, "no API at " + req.getRequestURI());
        }
    }

    private void upload(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String name = SafePaths.segment(req.getParameter("name"));
        if (!name.endsWith(".jar")) {
            throw new InvalidInputException("name", "'" + name + "' is not a .jar file name");
        }
        Path plugins = view.pluginsFolder();
        if (plugins == null) {
            Json.error(res, 409, "this container watches no plugins folder");
            return;
        }
        Path staging = plugins.toAbsolutePath().normalize().resolveSibling(".uploads");
        Files.createDirectories(staging);
        Path tmp = Files.createTempFile(staging, "upload-", ".jar");
        try {
            long size;
            try (InputStream in = req.getInputStream()) {
                size = Files.copy(new LimitedStream(in, MAX_JAR_BYTES), tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String bsn = symbolicName(tmp);
            Path target = SafePaths.inside(plugins, name);
            Path named = Files.move(tmp, staging.resolve(name + "-" + tmp.getFileName()));
            tmp = named;
            String report = "";
            boolean passed = true;
            BiFunction<Path, PrintStream, Integer> checks = verify;
            if (checks != null) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
                    passed = checks.apply(named, out) == 0;
                }
                report = text.toString(StandardCharsets.UTF_8).replace(named.getFileName().toString(), name);
            }
            boolean install = passed && !"only".equals(req.getParameter("verify"));
            if (install) {
                Files.move(named, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            String message = !passed ? name + " failed the checks; it was not installed"
                    : !install ? name + " passed the checks (not installed: verify=only)"
                    : "installed " + name + " (" + bsn + ", " + size + " bytes) into the plugins folder"
                    + (checks == null ? " unchecked (the shell's verify is not present)" : " after the checks passed")
                    + "; its components appear once it has started";
            Json.send(res, passed ? 200 : 422, "{\"" + (passed ? "message" : "error") + "\":" + Json.str(message)
                    + ",\"passed\":" + passed + ",\"installed\":" + install + ",\"report\":" + Json.str(report) + "}");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String symbolicName(Path jar) {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            var manifest = in.getManifest();
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn == null || bsn.isBlank()) {
                throw new InvalidInputException("upload", "not an OSGi bundle: the jar's manifest has no"
                        + " Bundle-SymbolicName");
            }
            return bsn.split(";")[0].strip();
        } catch (IOException e) {
            throw new InvalidInputException("upload", "not a jar: " + e.getMessage());
        }
    }

    private void tick() {
        if (watchers.isEmpty()) {
            return;
        }
        String now;
        try {
            now = view.json();
        } catch (RuntimeException e) {
            return;
        }
        boolean changed = !now.equals(last);
        last = now;
        String data = changed ? "data: " + now + "\n\n" : ": ping\n\n";
        for (AsyncContext a : watchers) {
            if (!SnapshotFeed.send(a, data)) {
                watchers.remove(a);
            }
        }
    }

    /** @return the bundle context this API reads (for the pages) */
    BundleContext context() {
        return context;
    }

    /** @return the view of the container */
    ContainerView view() {
        return view;
    }
}
