package org.overparam.engine.internal.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * The metrics writer off the step thread: nothing recorded is lost on a normal stop (every row in
 * order, also through an interrupt of the recording thread), {@link MetricsWriter#bytes()} counts
 * exactly the rows recorded before it, and a full queue makes {@link MetricsWriter#record} wait for
 * the writer thread (back-pressure) instead of growing.
 */
class MetricsWriterTest {
    @TempDir
    Path folder;

    private static String rows(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(MetricsCsv.row(i / 3, "m" + (i % 3), i * 0.1));
        }
        return b.toString();
    }

    @Test
    void everyRowReachesTheFileInOrderAndBytesCountsThemExactly() throws IOException {
        Path file = folder.resolve("metrics.csv");
        int rows = 3 * MetricsWriter.QUEUE_ROWS + 7;
        long middle;
        try (MetricsWriter w = new MetricsWriter(file)) {
            for (int i = 0; i < rows; i++) {
                if (i == rows / 2) {
                    middle = w.bytes();
                    assertEquals(Files.size(file), middle, "bytes() waits until the rows are in the file");
                    assertEquals(MetricsCsv.HEADER + rows(0, i), Files.readString(file, StandardCharsets.UTF_8));
                    Thread.currentThread().interrupt();
                }
                w.record(i / 3, "m" + (i % 3), i * 0.1);
                w.flushIfDue(i % 1000 == 0);
            }
            assertTrue(Thread.interrupted(), "the interrupt is kept for the run to see");
        }
        assertEquals(MetricsCsv.HEADER + rows(0, rows), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void aFullQueueMakesTheRecordingThreadWait() throws Exception {
        Path file = folder.resolve("metrics.csv");
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FileOutputStream gate = new FileOutputStream(file.toFile()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                super.write(b, off, len);
            }
        };
        int capacity = 4;
        int total = 20;
        AtomicInteger returned = new AtomicInteger();
        try (MetricsWriter w = new MetricsWriter(gate, 0, true, capacity, "test")) {
            w.record(0, "m0", 0.0);
            w.flushIfDue(true);
            assertTrue(stalled.await(60, TimeUnit.SECONDS), "the writer thread writes the first flush out");
            Thread producer = new Thread(() -> {
                for (int i = 1; i < total; i++) {
                    w.record(i / 3, "m" + (i % 3), i * 0.1);
                    returned.incrementAndGet();
                }
            });
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, producer.getState(), "the producer waits on the full queue");
            assertEquals(capacity, returned.get(), "exactly the queue's rows were taken while the file was stalled");
            release.countDown();
            producer.join(TimeUnit.SECONDS.toMillis(60));
            assertEquals(total - 1, returned.get());
        }
        assertEquals(MetricsCsv.HEADER + rows(0, total), Files.readString(file, StandardCharsets.UTF_8));
    }
}
