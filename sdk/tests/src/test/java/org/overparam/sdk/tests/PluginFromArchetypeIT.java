package org.overparam.sdk.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin guide's path, out of tree: a project generated from the archetype in a temporary folder
 * and built there by its own offline Maven against this build's artifacts (its unit test and its
 * in-container test on the harness run in that build), then checked with {@code verify} in the
 * distribution booted in this JVM, dropped into its watched {@code plugins/} folder, listed, used by
 * an experiment, and removed again.
 */
class PluginFromArchetypeIT {
    private static final String NAME = "clipped-gd";
    private static Path root;
    private static OfflineMaven.Result generate;
    private static OfflineMaven.Result build;
    private static Path project;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        root = Files.createTempDirectory("overparam-sdk-oot-");
        OfflineMaven maven = OfflineMaven.in(root);
        Path work = Files.createDirectories(root.resolve("work"));
        generate = maven.run(work, "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate",
                "-DarchetypeGroupId=org.overparam", "-DarchetypeArtifactId=overparam-plugin-archetype",
                "-DarchetypeVersion=" + System.getProperty("overparam.version"), "-DgroupId=org.example",
                "-DartifactId=clip-plugin", "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=org.example.clip",
                "-DcomponentName=" + NAME, "-DclassName=ClippedGd");
        project = work.resolve("clip-plugin");
        build = generate.exitCode() == 0 ? maven.run(project, "-q", "verify") : null;
    }

    @AfterAll
    static void deleteTheTemporaryFolder() {
        OfflineMaven.deleteTree(root);
    }

    @Test
    void theGeneratedProjectBuildsOutOfTreeAndItsTestsPass() throws Exception {
        assertEquals(0, generate.exitCode(), generate.tail());
        assertEquals(0, build.exitCode(), build.tail());
        assertFalse(project.toRealPath().startsWith(Path.of("").toRealPath().getParent().getParent()),
                "the project is outside the source tree: " + project);
        assertEquals(List.of("ClippedGd.java", "package-info.java"),
                names(project.resolve("src/main/java/org/example/clip/internal")));
        String unit = Files.readString(project.resolve("target/surefire-reports/TEST-org.example.clip.internal.ClippedGdTest.xml"));
        assertTrue(unit.contains("tests=\"4\" errors=\"0\" skipped=\"0\" failures=\"0\""), unit.lines().limit(3).toList().toString());
        String container = Files.readString(project.resolve("target/failsafe-reports/TEST-org.example.clip.internal.ClippedGdIT.xml"));
        assertTrue(container.contains("tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\""),
                container.lines().limit(3).toList().toString());
        try (JarFile jar = new JarFile(jar().toFile())) {
            Manifest mf = jar.getManifest();
            assertEquals("org.example.clip-plugin", mf.getMainAttributes().getValue("Bundle-SymbolicName"));
            assertEquals("org.overparam.api;version=\"[1.6,2)\"", mf.getMainAttributes().getValue("Import-Package"));
            assertEquals(null, mf.getMainAttributes().getValue("Export-Package"));
            assertTrue(jar.getEntry("OSGI-INF/org.example.clip.internal.ClippedGd.xml") != null);
        }
    }

    @Test
    void verifiedThenDroppedIntoARunningContainerItIsListedAndRunsAnExperiment() throws Exception {
        assertEquals(0, build == null ? -1 : build.exitCode(), "the generated project did not build");
        try (InProcessDistribution dist = InProcessDistribution.boot(Files.createDirectories(root.resolve("home")))) {
            InProcessDistribution.Output verify = dist.cli("verify", jar().toString());
            assertEquals(0, verify.code(), verify.out() + verify.err());
            List<String> lines = verify.out().lines().toList();
            assertEquals(10, lines.size(), verify.out());
            assertTrue(lines.subList(0, 9).stream().allMatch(l -> l.startsWith("ok ")), verify.out());
            assertEquals("clip-plugin-1.0.0-SNAPSHOT.jar: passed", lines.get(9));
            assertFalse(dist.cli("list", "optimizer").out().contains(NAME), "verify leaves nothing installed");

            Path dropped = dist.plugins().resolve("clip-plugin.jar");
            Files.copy(jar(), dist.plugins().resolve(".clip-plugin.jar.tmp"));
            Files.move(dist.plugins().resolve(".clip-plugin.jar.tmp"), dropped, StandardCopyOption.ATOMIC_MOVE);
            InProcessDistribution.Output list = awaitList(dist, true);
            assertTrue(list.out().contains("Gradient descent with gradient-norm clipping"), list.out());

            Path runs = root.resolve("runs");
            Path quickstart = Path.of(System.getProperty("overparam.examples", "../../examples"), "quickstart.yaml");
            InProcessDistribution.Output run = dist.cli("run", quickstart.toString(), "optimizer={name: " + NAME
                    + ", lr: 0.4}", "architecture.width=64", "stop.maxSteps=100", "analyzers=[]", "--runs", runs.toString());
            assertEquals(0, run.code(), run.out() + run.err());
            Path folder;
            try (var s = Files.list(runs)) {
                // the runs folder also holds the run store's database files
                folder = s.filter(f -> f.getFileName().toString().startsWith("quickstart-")).findFirst().orElseThrow();
            }
            String log = Files.readString(folder.resolve("run.log"));
            assertTrue(log.contains("org.example.clip-plugin"), "the run used the dropped plugin: " + log);
            assertTrue(Files.readString(folder.resolve("metrics.csv")).contains("optimizer.clipped,"),
                    "the plugin's own metrics were recorded");

            Files.delete(dropped);
            awaitList(dist, false);
        }
    }

    private static Path jar() {
        return project.resolve("target/clip-plugin-1.0.0-SNAPSHOT.jar");
    }

    /** Polls {@code list optimizer} until the plugin's optimizer is (or is no longer) listed, up to 30 s. */
    private static InProcessDistribution.Output awaitList(InProcessDistribution dist, boolean present) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            InProcessDistribution.Output list = dist.cli("list", "optimizer");
            if (list.out().contains(NAME) == present) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("FileInstall did not " + (present ? "install" : "uninstall") + " the plugin "
                        + "within 30 s; list optimizer printed: " + list.out());
            }
            Thread.sleep(200);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
