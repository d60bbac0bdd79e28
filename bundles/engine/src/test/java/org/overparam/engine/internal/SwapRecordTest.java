package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.registry.ComponentTable;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.SwapFiles;
import org.overparam.engine.internal.swap.UnreadableJars;

/**
 * What a swap records: the jars' SHA-256 prefixes when an update keeps the version string, "applied"
 * for an applied request, and the complete configuration of the new component (carried-over values,
 * given values and defaults), as a spec's switch has it.
 */
class SwapRecordTest {
    /** The container's active runs (and lock table) the runs that get requests join. */
    private final ActiveRuns container = new ActiveRuns();
    @TempDir
    Path dir;

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUpdateUnderTheSameVersionNamesBothJarsByTheirHashPrefix() throws Exception {
        Path oldJar = Files.writeString(dir.resolve("gd-old.jar"), "old bytes");
        Path newJar = Files.writeString(dir.resolve("gd-new.jar"), "new bytes");
        ComponentTable table = TestRegistry.standard();
        var info = table.best(ComponentKind.OPTIMIZER, "gd").get().info();
        table.put(new ComponentTable.Entry(info, 5, Version.parseVersion("1.0.0"), 9_100_001L,
                new HotSwapTest.Acting(2, () -> table.put(new ComponentTable.Entry(info, 6, Version.parseVersion("1.0.0"),
                        9_100_002L, new FakeComponents.Gd(), newJar.toUri().toString()))), oldJar.toUri().toString()));
        List<String> notices = new ArrayList<>();
        RunResult r = new Run(table, Specs.base().stop(6, 0).build(), dir.resolve("runs"), e -> {
            if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e.message());
            }
        }, 0).withContainer(container, new UnreadableJars(), new JarHashes()).execute();

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        String oldSha = sha256("old bytes".getBytes(StandardCharsets.UTF_8));
        String newSha = sha256("new bytes".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("optimizer gd swapped: now test.bundle.gd 1.0.0, jar sha256 " + newSha.substring(0, 12)
                + " (was test.bundle.gd 1.0.0, jar sha256 " + oldSha.substring(0, 12) + ")"), notices);
        String provenance = RunFiles.text(r.directory().resolve("provenance.json"));
        assertTrue(provenance.contains("\"sha256\": \"" + oldSha + "\"}, \"to\": {\"name\": \"gd\", \"bundle\": "
                + "\"test.bundle.gd\", \"version\": \"1.0.0\", \"sha256\": \"" + newSha + "\"}"), provenance);
    }

    @Test
    void anAppliedRequestRecordsTheCompleteConfigurationAndSaysApplied() throws IOException {
        ComponentTable table = TestRegistry.standard();
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov());
        AtomicReference<Path> folder = new AtomicReference<>();
        table.put(new ComponentTable.Entry(table.best(ComponentKind.OPTIMIZER, "gd").get().info(), 5,
                Version.parseVersion("1.0.0"), 9_100_003L, new HotSwapTest.Acting(1, () -> {
                    SwapFiles.request(folder.get(), List.of("optimizer=nesterov"), table, container.locks());
                    sleep();
                })));
        RunSpec spec = Specs.base().stop(6, 0).build();
        List<String> notices = new ArrayList<>();
        RunResult r = new Run(table, spec, dir, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(dir.resolve(e.runId()));
            } else if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e.message());
            }
        }, 0).withContainer(container, new UnreadableJars(), new JarHashes()).execute();

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(List.of("swap request applied: optimizer gd {lr=0.1} -> nesterov {lr=0.1, momentum=0.5} "
                + "(test.bundle.nesterov 1.0.0)"), notices, "lr carried over from gd, momentum at its default");
        assertTrue(RunFiles.text(r.directory().resolve("provenance.json")).contains("\"config\": \"{lr=0.1, "
                + "momentum=0.5}\"}}"));
        assertTrue(RunFiles.text(r.directory().resolve("run.log")).contains(": swap request applied: optimizer gd"));
    }

    private static void sleep() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
