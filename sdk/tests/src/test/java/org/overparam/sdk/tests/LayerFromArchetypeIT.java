package org.overparam.sdk.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer archetype, out of tree: a project generated in a temporary folder and built there by its
 * own offline Maven (its unit test runs the test kit's derivative checks), then verified, dropped into
 * the distribution booted in this JVM, listed by {@code describe architecture serial} and used by name
 * in an experiment's layers.
 */
class LayerFromArchetypeIT {
    private static Path root;
    private static OfflineMaven.Result generate;
    private static OfflineMaven.Result build;
    private static Path project;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        root = Files.createTempDirectory("overparam-sdk-layer-");
        OfflineMaven maven = OfflineMaven.in(root);
        Path work = Files.createDirectories(root.resolve("work"));
        generate = maven.run(work, "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate",
                "-DarchetypeGroupId=org.overparam", "-DarchetypeArtifactId=overparam-layer-archetype",
                "-DarchetypeVersion=" + System.getProperty("overparam.version"), "-DgroupId=org.example",
                "-DartifactId=swish-layer", "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=org.example.swish",
                "-DlayerName=swish");
        project = work.resolve("swish-layer");
        build = generate.exitCode() == 0 ? maven.run(project, "-q", "verify") : null;
    }

    @AfterAll
    static void deleteTheTemporaryFolder() {
        OfflineMaven.deleteTree(root);
    }

    @Test
    void theGeneratedLayerBuildsPassesItsChecksAndTrainsInANetByName() throws Exception {
        assertEquals(0, generate.exitCode(), generate.tail());
        assertEquals(0, build.exitCode(), build.tail());
        String unit = Files.readString(project.resolve(
                "target/surefire-reports/TEST-org.example.swish.internal.SwishLayerTest.xml"));
        assertTrue(unit.contains("tests=\"4\" errors=\"0\" skipped=\"0\" failures=\"0\""),
                unit.lines().limit(3).toList().toString());
        Path jar = project.resolve("target/swish-layer-1.0.0-SNAPSHOT.jar");
        try (InProcessDistribution dist = InProcessDistribution.boot(Files.createDirectories(root.resolve("home")))) {
            InProcessDistribution.Output verify = dist.cli("verify", jar.toString());
            assertEquals(0, verify.code(), verify.out() + verify.err());
            Path dropped = dist.plugins().resolve("swish-layer.jar");
            Files.copy(jar, dist.plugins().resolve(".swish-layer.jar.tmp"));
            Files.move(dist.plugins().resolve(".swish-layer.jar.tmp"), dropped, StandardCopyOption.ATOMIC_MOVE);
            long deadline = System.nanoTime() + 30_000_000_000L;
            InProcessDistribution.Output describe = dist.cli("describe", "architecture", "serial");
            while (!describe.out().contains("  swish - swish z sigmoid(beta z), elementwise")) {
                assertTrue(System.nanoTime() < deadline, "swish never listed: " + describe.out());
                Thread.sleep(200);
                describe = dist.cli("describe", "architecture", "serial");
            }
            Path runs = root.resolve("runs");
            Path quickstart = Path.of(System.getProperty("overparam.examples", "../../examples"), "quickstart.yaml");
            InProcessDistribution.Output run = dist.cli("run", quickstart.toString(),
                    "architecture={name: serial, layers: [{dense: 64}, swish, {dense: 64}, {swish: 2.0}]}",
                    "stop.maxSteps=50", "analyzers=[]", "--runs", runs.toString());
            assertEquals(0, run.code(), run.out() + run.err());
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("status") && l.contains("COMPLETED")), run.out());
            Files.delete(dropped);
        }
    }
}
