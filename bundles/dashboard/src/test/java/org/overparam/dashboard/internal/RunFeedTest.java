package org.overparam.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import org.junit.jupiter.api.Test;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The live feed's promise behind the load test: however many pages watch a run, each tick asks the
 * store once for that run, and every watcher receives every row once, in order, from the step after
 * the one it asked for.
 */
class RunFeedTest {
    private static final Path RUNS = Path.of("runs");
    private final List<Long> steps = new ArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();

    private RunStore store() {
        return (RunStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RunStore.class},
                (p, m, a) -> switch (m.getName()) {
                    case "metrics" -> {
                        queries.incrementAndGet();
                        MetricQuery q = (MetricQuery) a[1];
                        long[] s = steps.stream().filter(x -> x >= q.fromStep() && x <= q.toStep())
                                .mapToLong(Long::longValue).toArray();
                        double[] v = new double[s.length];
                        for (int i = 0; i < s.length; i++) {
                            v[i] = 1.0 / (s[i] + 1);
                        }
                        yield s.length == 0 ? List.of() : List.of(new MetricSeries("r1", "train.loss", s, v));
                    }
                    case "run" -> Optional.of(details());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static RunDetails details() {
        RunSummary s = new RunSummary("r1", "feed", RunStatus.RUNNING, 1, "", Instant.EPOCH, null, 0, Double.NaN,
                Double.NaN, List.of());
        return new RunDetails(s, RUNS.resolve("r1"), "", "", "", Map.of(), Map.of(), Map.of(), List.of(),
                Provenance.unknown());
    }

    /** A watcher's connection: what the feed writes to it. */
    static AsyncContext connection(ByteArrayOutputStream sink) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                sink.write(b);
            }
        };
        ServletResponse response = (ServletResponse) Proxy.newProxyInstance(RunFeedTest.class.getClassLoader(),
                new Class<?>[] {ServletResponse.class}, (p, m, a) -> {
                    if (m.getName().equals("getOutputStream")) {
                        return out;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (AsyncContext) Proxy.newProxyInstance(RunFeedTest.class.getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getResponse" -> response;
                    case "setTimeout", "complete" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static List<Long> received(ByteArrayOutputStream sink) {
        List<Long> out = new ArrayList<>();
        Matcher events = Pattern.compile("\"train.loss\":\\[\\[([0-9,]*)\\]").matcher(sink.toString(StandardCharsets.UTF_8));
        while (events.find()) {
            for (String s : events.group(1).split(",")) {
                out.add(Long.parseLong(s));
            }
        }
        return out;
    }

    @Test
    void twentyWatchersCostOneStoreQueryPerTickAndEachGetsEveryRowOnce() {
        RunFeed feed = new RunFeed(store(), false);
        List<ByteArrayOutputStream> sinks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            sinks.add(sink);
            feed.watch(RUNS, details(), connection(sink), i < 10 ? -1 : 4); // half have steps 0..4 already
        }
        assertEquals(20, feed.watchers());
        for (int tick = 0; tick < 30; tick++) {
            for (int k = 0; k < 7; k++) {
                steps.add((long) steps.size());
            }
            feed.tick();
        }
        assertEquals(30, queries.get(), "one query per tick, not per watcher");
        List<Long> all = new ArrayList<>(steps);
        for (int i = 0; i < 20; i++) {
            List<Long> expected = i < 10 ? all : all.subList(5, all.size());
            assertEquals(expected, received(sinks.get(i)), "watcher " + i);
        }
        assertTrue(sinks.get(0).toString(StandardCharsets.UTF_8).contains("\"status\":\"RUNNING\""));
    }
}
