package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.MetricQuery;

/**
 * Two processes on one store: while this process holds it open in the middle of a run (so it serves
 * it, H2's AUTO_SERVER), another process lists the runs and reads the rows committed so far, and
 * records a run of its own; once this process lets go, another one opens the file directly.
 */
class ConcurrentAccessTest {
    @TempDir
    Path runs;

    @Test
    void anotherProcessReadsAndWritesWhileARunWrites() throws Exception {
        H2RunStore store = Records.store();
        try {
            store.begin(runs, Records.run(runs, "parent", 128, 1, 0, "", Set.of()));
            store.appendMetrics(runs, "parent", Records.loss(30, 0.5));

            assertEquals("parent 30", other("read", "parent"));
            assertServerOnLoopbackOnly();
            store.appendMetrics(runs, "parent", Records.loss(40, 0.5).subList(60, 80));
            assertEquals("parent 40", other("read", "parent"));
            assertEquals("ok", other("write"));

            var child = store.run(runs, "child").orElseThrow();
            assertEquals(RunStatus.COMPLETED, child.summary().status());
            assertEquals(List.of("from-child"), child.summary().tags());
            assertEquals(50, store.metrics(runs, MetricQuery.of(List.of("child")).metrics(List.of("train.loss")))
                    .get(0).size());
            store.appendMetrics(runs, "parent", Records.loss(41, 0.5).subList(80, 82));
        } finally {
            store.close();
        }
        assertEquals("parent,child 41", other("read", "parent"));
    }

    /** Runs {@link OtherProcess} on the store with this JVM and class path; @return its one line of output */
    private String other(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), args[0],
                runs.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, "the other process failed: " + out);
        return out;
    }

    /**
     * The lock file names this machine's loopback (H2 writes 127.0.0.1 as "localhost"), a client reaches the
     * server there, and not through another interface of this machine (when it has one).
     */
    private void assertServerOnLoopbackOnly() throws IOException {
        String address = serverAddress();
        assertTrue(address.startsWith("localhost:"), "the store's server is not on loopback: " + address);
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        try (var s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            assertTrue(s.isConnected());
        }
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var other : java.util.Collections.list(nic.getInetAddresses())) {
                if (other instanceof java.net.Inet4Address && !other.isLoopbackAddress()) {
                    try (var s = new java.net.Socket()) {
                        s.connect(new java.net.InetSocketAddress(other, port), 2000);
                        org.junit.jupiter.api.Assertions.fail("the store's server answers on " + other + ":" + port);
                    } catch (java.net.ConnectException | java.net.SocketTimeoutException expected) {
                        // refused: the server listens on loopback only
                    }
                }
            }
        }
    }

    /** @return the address H2 wrote into the lock file for other processes to connect to */
    private String serverAddress() throws IOException {
        java.util.Properties lock = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(runs.resolve("overparam-store.lock.db"))) {
            lock.load(in);
        }
        return lock.getProperty("server", "");
    }
}
