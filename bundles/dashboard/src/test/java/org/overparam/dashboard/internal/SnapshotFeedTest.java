package org.overparam.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live lists' promise (the Runs page, a sweep's page): however many pages watch the same list,
 * each tick calls its source (the store query) once; each page gets every new state of the list once
 * and nothing while it stays the same; a failing source is skipped and asked again at the next tick.
 */
class SnapshotFeedTest {
    private static List<String> events(ByteArrayOutputStream sink) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("data: (\\{[^\\n]*\\})\\n\\n").matcher(sink.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void twentyPagesOnOneListCostOneSourceCallPerTickAndGetEachChangeOnce() {
        SnapshotFeed feed = new SnapshotFeed(false);
        AtomicInteger calls = new AtomicInteger();
        int[] version = {0};
        List<ByteArrayOutputStream> sinks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            sinks.add(sink);
            feed.watch("runs\nstatus=RUNNING", () -> {
                calls.incrementAndGet();
                if (version[0] == 3) {
                    throw new IllegalStateException("store busy");
                }
                return "{\"total\":" + version[0] + "}";
            }, RunFeedTest.connection(sink));
        }
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        feed.watch("sweep\ns1", () -> "{\"finished\":0}", RunFeedTest.connection(other));
        assertEquals(21, feed.watchers());
        int[] versions = {0, 0, 1, 1, 1, 2, 3, 3, 4, 4}; // 3: the source fails
        for (int v : versions) {
            version[0] = v;
            feed.tick();
        }
        assertEquals(versions.length, calls.get(), "one source call per tick for the 20 pages, not one per page");
        List<String> expected = List.of("{\"total\":0}", "{\"total\":1}", "{\"total\":2}", "{\"total\":4}");
        for (int i = 0; i < 20; i++) {
            assertEquals(expected, events(sinks.get(i)), "page " + i);
        }
        assertEquals(List.of("{\"finished\":0}"), events(other), "another list, its own source, sent once");
    }
}
