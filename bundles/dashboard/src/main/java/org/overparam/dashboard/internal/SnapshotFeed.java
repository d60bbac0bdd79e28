package org.overparam.dashboard.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.servlet.AsyncContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Live lists as Server-Sent Events (the Runs page's table, a sweep's progress): every
 * {@value RunFeed#TICK_MS} ms, for each list somebody watches (one key per query: the runs folder and
 * the filters, sort and page; or the sweep), ONE call of its source (the store query) makes the JSON,
 * and each watcher whose last event differs gets it. So 20 pages on the same list cost the store what
 * one does, as with {@link RunFeed}. A comment line every {@value RunFeed#PING_TICKS} ticks finds
 * closed connections. A source that fails (the store busy, no run of the sweep yet) is asked again at
 * the next tick.
 */
@Component(service = SnapshotFeed.class)
public final class SnapshotFeed {
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "overparam-dashboard-lists");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    /** One watcher: its connection and the last JSON it got. */
    private static final class Client {
        final AsyncContext context;
        String last = "";

        Client(AsyncContext context) {
            this.context = context;
        }
    }

    /** A list's source and its watchers. */
    private record Watched(Supplier<String> source, List<Client> clients) {
    }

    /** Ticks every {@value RunFeed#TICK_MS} ms. */
    public SnapshotFeed() {
        this(true);
    }

    /** @param ticking whether a thread ticks (tests call {@link #tick()} themselves) */
    SnapshotFeed(boolean ticking) {
        if (ticking) {
            ticker.scheduleWithFixedDelay(this::tick, RunFeed.TICK_MS, RunFeed.TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Deactivate
    void stop() {
        ticker.shutdownNow();
        watched.values().forEach(w -> w.clients().forEach(c -> c.context.complete()));
        watched.clear();
    }

    /**
     * @param key what identifies the list: watchers with equal keys share one call of the source per tick
     * @param source the list as JSON (one store query)
     * @param context the open event stream
     */
    void watch(String key, Supplier<String> source, AsyncContext context) {
        context.setTimeout(0);
        Client client = new Client(context);
        watched.compute(key, (k, w) -> {
            Watched out = w == null ? new Watched(source, new CopyOnWriteArrayList<>()) : w;
            out.clients().add(client);
            return out;
        });
    }

    /** @return how many event streams are open */
    int watchers() {
        return watched.values().stream().mapToInt(w -> w.clients().size()).sum();
    }

    /** One round: for each watched list, one call of its source, then the watchers whose JSON changed. */
    void tick() {
        ticks++;
        for (Map.Entry<String, Watched> e : watched.entrySet()) {
            Watched w = e.getValue();
            String now;
            try {
                now = w.source().get();
            } catch (RuntimeException ex) {
                now = null; // the next tick tries again; meanwhile pings keep finding closed connections
            }
            for (Client c : w.clients()) {
                boolean news = now != null && !now.equals(c.last);
                String data = news ? "data: " + now + "\n\n" : ticks % RunFeed.PING_TICKS == 0 ? ": ping\n\n" : null;
                if (data == null) {
                    continue;
                }
                if (send(c.context, data)) {
                    c.last = news ? now : c.last;
                } else {
                    w.clients().remove(c);
                }
            }
            watched.computeIfPresent(e.getKey(), (k, x) -> x.clients().isEmpty() ? null : x);
        }
    }

    /**
     * @param context an open event stream
     * @param data what to write (an event or a comment)
     * @return whether it was written; if not, the stream is completed (the page has gone)
     */
    static boolean send(AsyncContext context, String data) {
        try {
            var out = context.getResponse().getOutputStream();
            out.write(data.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException gone) {
            try {
                context.complete();
            } catch (RuntimeException ignored) {
                // already closed
            }
            return false;
        }
    }
}
