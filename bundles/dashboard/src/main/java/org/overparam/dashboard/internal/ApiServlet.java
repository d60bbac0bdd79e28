package org.overparam.dashboard.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.servlet.AsyncContext;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The JSON API under {@code /api} that the pages use (and scripts may): reads by GET, actions by
 * POST (see {@link RunActions}, {@link ContainerApi}); documented with examples in docs/dashboard.md.
 * Errors are {@code {"error": "one line"}} with 400 (bad input), 404 (no such run or file), 405
 * (a GET to an action) or 409 (the action does not apply now).
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.asyncSupported=true", "osgi.http.whiteboard.servlet.name=overparam-api"})
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient RunStore store;
    private final transient Access access;
    private final transient RunFeed feed;
    private final transient SnapshotFeed lists;
    private final transient RunActions actions;
    private final transient ContainerApi container;

    /**
     * @param store the run store
     * @param access what serve set
     * @param feed the live feed of a run
     * @param lists the live feed of the runs list and of sweeps
     * @param actions stop, resume and swap
     * @param container the container's bundles, components and plugins
     */
    @Activate
    public ApiServlet(@Reference RunStore store, @Reference Access access, @Reference RunFeed feed,
                      @Reference SnapshotFeed lists, @Reference RunActions actions, @Reference ContainerApi container) {
        this.store = store;
        this.access = access;
        this.feed = feed;
        this.lists = lists;
        this.actions = actions;
        this.container = container;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        handle(req, res, false);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        handle(req, res, true);
    }

    private void handle(HttpServletRequest req, HttpServletResponse res, boolean post) throws IOException {
        Served served = access.served();
        try {
            List<String> path = segments(req.getPathInfo());
            if (path.equals(List.of("session")) && !post) {
                Json.send(res, 200, "{\"csrf\":" + Json.str(access.csrf()) + ",\"runs\":"
                        + Json.str(served.runs().toString()) + "}");
            } else if (path.size() >= 1 && path.get(0).equals("container") || path.size() >= 1
                    && path.get(0).equals("plugins")) {
                container.handle(path, req, res, post);
            } else if (path.size() == 2 && path.get(0).equals("sweeps") && !post) {
                Json.send(res, 200, SweepView.of(store, served.runs(), path.get(1)).json());
            } else if (path.size() == 3 && path.get(0).equals("sweeps") && path.get(2).equals("events") && !post) {
                sweepEvents(served.runs(), path.get(1), req, res);
            } else if (path.equals(List.of("runs")) && !post) {
                Json.send(res, 200, runs(served.runs(), Lookup.query(req.getParameterMap())));
            } else if (path.equals(List.of("events", "runs")) && !post) {
                runsEvents(served.runs(), req, res);
            } else if (path.size() >= 2 && path.get(0).equals("runs")) {
                run(served.runs(), path, req, res, post);
            } else {
                Json.error(res, 404, "no API at " + req.getRequestURI());
            }
        } catch (SafePaths.BadName e) {
            Json.error(res, 400, e.getMessage());
        } catch (Lookup.NotFound e) {
            Json.error(res, 404, e.getMessage());
        } catch (InvalidInputException e) {
            Json.error(res, 400, e.oneLine());
        } catch (IllegalArgumentException e) {
            Json.error(res, 400, e.getMessage());
        }
    }

    /** The path after /api as segments; an empty segment (double or encoded slash) is refused. */
    static List<String> segments(String info) {
        List<String> out = new ArrayList<>();
        if (info == null || info.equals("/")) {
            return out;
        }
        String[] parts = info.substring(1).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".") || p.equals("..") || p.contains("\\")) {
                throw new SafePaths.BadName("bad path " + info);
            }
            out.add(p);
        }
        return out;
    }

    private String runs(Path runs, RunQuery query) {
        RunPage page = store.runs(runs, query);
        StringBuilder b = new StringBuilder("{\"total\":").append(page.total()).append(",\"offset\":")
                .append(page.offset()).append(",\"limit\":").append(page.limit()).append(",\"runs\":[");
        for (RunSummary s : page.runs()) {
            b.append(b.charAt(b.length() - 1) == '[' ? "" : ",").append(summary(s));
        }
        return b.append("]}").toString();
    }

    /** The runs list of a query as events when it changes: one store query per tick for all pages asking it. */
    private void runsEvents(Path runs, HttpServletRequest req, HttpServletResponse res) throws IOException {
        Map<String, String[]> p = req.getParameterMap();
        RunQuery query = Lookup.query(p); // a bad filter is 400 here, before the stream opens
        String key = String.join("\n", "runs", runs.toString(), String.join("\n", Lookup.all(p, "q")),
                Lookup.first(p, "sort", ""), Lookup.first(p, "limit", ""), Lookup.first(p, "offset", ""));
        lists.watch(key, () -> runs(runs, query), stream(req, res));
    }

    /** A sweep's progress and aggregates as events when they change (an unknown sweep is 404). */
    private void sweepEvents(Path runs, String id, HttpServletRequest req, HttpServletResponse res) throws IOException {
        SweepView.of(store, runs, id);
        lists.watch(String.join("\n", "sweep", runs.toString(), id), () -> SweepView.of(store, runs, id).json(),
                stream(req, res));
    }

    /** @return the request as an open event stream */
    private static AsyncContext stream(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/event-stream;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.getOutputStream().write(": watching\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        res.flushBuffer();
        return req.startAsync();
    }

    static String summary(RunSummary s) {
        return "{\"id\":" + Json.str(s.id()) + ",\"name\":" + Json.str(s.name()) + ",\"status\":"
                + Json.str(s.status().name()) + ",\"seed\":" + s.seed() + ",\"sweep\":" + Json.str(s.sweep())
                + ",\"created\":" + Json.str(s.created().toString()) + ",\"finished\":"
                + Json.str(s.finished() == null ? null : s.finished().toString()) + ",\"steps\":" + s.steps()
                + ",\"loss\":" + Json.num(s.loss()) + ",\"seconds\":" + Json.num(s.seconds()) + ",\"tags\":"
                + Json.strings(s.tags()) + "}";
    }

    private void run(Path runs, List<String> path, HttpServletRequest req, HttpServletResponse res, boolean post)
            throws IOException {
        RunDetails d = Lookup.run(store, runs, path.get(1));
        String what = path.size() == 2 ? "" : path.get(2);
        if (post) {
            if (path.size() != 3) {
                Json.error(res, 404, "no action at " + req.getRequestURI());
                return;
            }
            actions.handle(what, d, req, res);
            return;
        }
        if (RunActions.ACTIONS.contains(what)) {
            res.setHeader("Allow", "POST");
            Json.error(res, 405, what + " changes the run: POST it with the CSRF token");
            return;
        }
        switch (what) {
            case "" -> {
                StringWriter w = new StringWriter();
                store.exportRun(runs, d.id(), w);
                Json.send(res, 200, w.toString());
            }
            case "metrics" -> {
                MetricQuery q = MetricQuery.of(List.of(d.id())).metrics(Lookup.all(req.getParameterMap(), "metric"));
                String max = Lookup.first(req.getParameterMap(), "max", "");
                if (!max.isBlank()) {
                    q = q.downsampled(Integer.parseInt(max.strip()));
                }
                StringWriter w = new StringWriter();
                store.exportMetrics(runs, q, ExportFormat.JSON, w);
                Json.send(res, 200, w.toString());
            }
            case "events" -> events(runs, d, req, res);
            case "provenance", "spec" -> file(d.folder(), what.equals("spec") ? "spec.yaml" : "provenance.json", res);
            case "artifacts" -> artifact(d, path, res);
            default -> Json.error(res, 404, "no API at " + req.getRequestURI());
        }
    }

    private void events(Path runs, RunDetails d, HttpServletRequest req, HttpServletResponse res) throws IOException {
        long after;
        try {
            after = Long.parseLong(Lookup.first(req.getParameterMap(), "after", "-1").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "not a step number");
        }
        feed.watch(runs, d, stream(req, res), after);
    }

    private static void artifact(RunDetails d, List<String> path, HttpServletResponse res) throws IOException {
        if (path.size() != 4) {
            Json.error(res, 404, "name one artifact: /api/runs/RUN/artifacts/NAME");
            return;
        }
        String name = SafePaths.segment(path.get(3));
        ArtifactRecord a = d.artifacts().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new Lookup.NotFound("run " + d.id() + " has no artifact " + name));
        Path root = d.folder().toAbsolutePath().normalize();
        Path file = root.resolve(a.path()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new Lookup.NotFound("artifact " + name + " is not in the run's folder");
        }
        res.setContentType(file.toString().endsWith(".png") ? "image/png" : file.toString().endsWith(".svg")
                ? "image/svg+xml" : "application/octet-stream");
        res.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        res.setContentLengthLong(Files.size(file));
        Files.copy(file, res.getOutputStream());
    }

    private static void file(Path folder, String name, HttpServletResponse res) throws IOException {
        Path file = SafePaths.inside(folder, name);
        if (!Files.isRegularFile(file)) {
            throw new Lookup.NotFound(name + " is not in " + folder.getFileName());
        }
        res.setContentType(name.endsWith(".json") ? "application/json;charset=UTF-8" : "text/plain;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        Files.copy(file, res.getOutputStream());
    }
}
