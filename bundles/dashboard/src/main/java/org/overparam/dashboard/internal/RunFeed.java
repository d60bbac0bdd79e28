package org.overparam.dashboard.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunStore;

/**
 * The live feed of runs as Server-Sent Events: every {@value #TICK_MS} ms, for each run somebody
 * watches, ONE query of the run store fetches the metric rows past the oldest watcher's last step
 * (and the run's status), and each watcher gets the rows past its own last step. So 20 watchers of a
 * run cost the store what one does. An event is sent when rows arrive or the status or
 * {@code provenance.json} changes; a comment line every {@value #PING_TICKS} ticks finds closed
 * connections. Event data: {@code {"status": "RUNNING", "provenance": MILLIS, "series": {"train.loss":
 * [[steps...], [values...]], ...}}}.
 */
@Component(service = RunFeed.class)
public final class RunFeed {
    static final long TICK_MS = 500;
    static final int PING_TICKS = 20;
    private final RunStore store;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "overparam-dashboard-feed");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    /** One watcher: its connection and the last step it has. */
    private static final class Client {
        final AsyncContext context;
        long after;
        String status = "";
        long provenance = -1;

        Client(AsyncContext context, long after) {
            this.context = context;
            this.after = after;
        }
    }

    /** A run's watchers and where its store is. */
    private record Watched(Path runs, Path folder, List<Client> clients) {
    }

    /** @param store where the rows come from */
    @Activate
    public RunFeed(@Reference RunStore store) {
        this(store, true);
    }

    /**
     * @param store where the rows come from
     * @param ticking whether a thread ticks every {@value #TICK_MS} ms (tests call {@link #tick()} themselves)
     */
    RunFeed(RunStore store, boolean ticking) {
        this.store = store;
        if (ticking) {
            ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Deactivate
    void stop() {
        ticker.shutdownNow();
        watched.values().forEach(w -> w.clients().forEach(c -> c.context.complete()));
        watched.clear();
    }

    /**
     * @param runs the runs folder
     * @param run the run's details
     * @param context the open event stream
     * @param after the last step the watcher has (rows after it are sent)
     */
    void watch(Path runs, RunDetails run, AsyncContext context, long after) {
        context.setTimeout(0);
        watched.computeIfAbsent(run.id(), id -> new Watched(runs, run.folder(), new CopyOnWriteArrayList<>()))
                .clients().add(new Client(context, after));
    }

    /** @return how many event streams are open */
    int watchers() {
        return watched.values().stream().mapToInt(w -> w.clients().size()).sum();
    }

    /** One round: for each watched run, one query of the store, then every watcher's rows. */
    void tick() {
        ticks++;
        for (Map.Entry<String, Watched> e : watched.entrySet()) {
            try {
                tick(e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                // the store may be busy or the run gone; the next tick tries again
            }
            if (e.getValue().clients().isEmpty()) {
                watched.remove(e.getKey(), e.getValue());
            }
        }
    }

    private void tick(String id, Watched w) {
        long from = Long.MAX_VALUE;
        for (Client c : w.clients()) {
            from = Math.min(from, c.after);
        }
        if (from == Long.MAX_VALUE) {
            return;
        }
        List<MetricSeries> rows = store.metrics(w.runs(), MetricQuery.of(List.of(id)).steps(from + 1, Long.MAX_VALUE));
        String status = store.run(w.runs(), id).map(d -> d.summary().status().name()).orElse("");
        long provenance = modified(w.folder().resolve("provenance.json"));
        for (Client c : w.clients()) {
            String series = series(rows, c.after);
            boolean news = !series.equals("{}") || !status.equals(c.status) || provenance != c.provenance;
            String data = news ? "data: {\"status\":" + Json.str(status) + ",\"provenance\":" + provenance
                    + ",\"series\":" + series + "}\n\n" : ticks % PING_TICKS == 0 ? ": ping\n\n" : null;
            if (data == null) {
                continue;
            }
            if (SnapshotFeed.send(c.context, data)) {
                c.status = status;
                c.provenance = provenance;
                c.after = Math.max(c.after, last(rows));
            } else {
                w.clients().remove(c);
            }
        }
    }

    private static long last(List<MetricSeries> rows) {
        long last = -1;
        for (MetricSeries s : rows) {
            if (s.size() > 0) {
                last = Math.max(last, s.steps()[s.size() - 1]);
            }
        }
        return last;
    }

    /** @return {"metric": [[steps], [values]]} of the rows after a step */
    static String series(List<MetricSeries> rows, long after) {
        StringBuilder b = new StringBuilder("{");
        for (MetricSeries s : rows) {
            List<String> steps = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                if (s.steps()[i] > after) {
                    steps.add(Long.toString(s.steps()[i]));
                    values.add(Json.num(s.values()[i]));
                }
            }
            if (!steps.isEmpty()) {
                b.append(b.length() > 1 ? "," : "").append(Json.str(s.metric())).append(":[[")
                        .append(String.join(",", steps)).append("],[").append(String.join(",", values)).append("]]");
            }
        }
        return b.append('}').toString();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
