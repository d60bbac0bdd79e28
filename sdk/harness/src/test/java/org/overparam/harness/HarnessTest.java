package org.overparam.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.sdk.check.Check;
import org.overparam.sdk.check.InstalledPlugin;

/** The harness on the shipped gd plugin: a tiny run, an update mid-run, and clean unloading. */
class HarnessTest {
    @Test
    void tinyExperimentTrainsAndIsReproducible() throws Exception {
        try (PluginHarness h = PluginHarness.start()) {
            RunResult a = h.run(h.tiny());
            RunResult b = h.run(h.tiny());
            assertEquals(RunStatus.COMPLETED, a.status(), a.message());
            assertEquals(50, a.steps());
            List<String> rows = Files.readAllLines(a.directory().resolve("metrics.csv"));
            double first = Double.parseDouble(rows.get(1).split(",")[2]);
            assertTrue(rows.get(1).startsWith("0,train.loss,"), rows.get(1));
            assertTrue(a.loss() < first / 20, "the loss fell from " + first + " to " + a.loss());
            assertArrayEquals(Files.readAllBytes(a.directory().resolve("metrics.csv")),
                    Files.readAllBytes(b.directory().resolve("metrics.csv")), "same spec and seed, same numbers");
        }
    }

    @Test
    void shippedGdPluginUnloadsCleanly() {
        try (PluginHarness h = PluginHarness.start()) {
            InstalledPlugin gd = h.install(Jars.gd());
            ComponentInfo info = h.registry().find(ComponentKind.OPTIMIZER, "gd").orElseThrow();
            assertEquals(gd.bundle().getSymbolicName(), info.bundle());
            assertEquals(RunStatus.COMPLETED, h.run(h.tiny()).status());

            Check unload = h.unload(gd).assertPassed();

            assertTrue(unload.detail().startsWith("uninstalled and refreshed; its 1 class loader collected"), unload.line());
            assertTrue(h.registry().find(ComponentKind.OPTIMIZER, "gd").isEmpty(), "gd left the registry");
        }
    }

    @Test
    void updatingGdInTheMiddleOfARunChangesNoNumber() {
        try (PluginHarness h = PluginHarness.start()) {
            InstalledPlugin gd = h.install(Jars.gd());
            Check swap = h.swap(gd, h.tiny().steps(200)).assertPassed();
            assertTrue(swap.detail().startsWith("updated at step 1 of 200; the engine noticed: 'optimizer gd swapped"),
                    swap.line());
            Check unload = h.unload(gd).assertPassed();
            assertTrue(unload.detail().contains("its 2 class loaders collected"), "the old and the new revision: "
                    + unload.line());
        }
    }

    @Test
    void oldRevisionsAreCollectedAfterUpdatesWhileThePluginStays() throws Exception {
        try (PluginHarness h = PluginHarness.start()) {
            InstalledPlugin gd = h.install(Jars.gd());
            for (int i = 0; i < 5; i++) {
                h.checks().update(gd, gd.jar());
                assertEquals(RunStatus.COMPLETED, h.run(h.tiny().steps(5)).status());
            }
            Check revisions = h.checks().oldRevisions(gd, false).assertPassed();
            assertTrue(revisions.detail().startsWith("the class loaders of its 5 old revisions collected"), revisions.line());
            assertTrue(h.unload(gd).assertPassed().detail().contains("its 6 class loaders collected"));
        }
    }

    @Test
    void verifyPassesTheShippedGdJar() {
        try (PluginHarness h = PluginHarness.start()) {
            List<Check> checks = h.verify(Jars.gd());
            List<String> names = checks.stream().map(c -> c.outcome().label() + " " + c.name()).toList();
            assertEquals(List.of("ok jar", "ok imports", "ok exports", "ok components", "ok install", "ok metadata",
                    "ok run", "ok run", "ok run", "ok run", "ok run", "ok swap", "ok unload"), names,
                    checks.stream().map(Check::line).toList().toString());
            assertTrue(checks.get(1).detail().startsWith("org.overparam.api [1."), checks.get(1).line());
            assertTrue(checks.get(3).detail().contains("optimizer gd"), checks.get(3).line());
        }
    }

    @Test
    void anUpdatedJarOfAnInstalledPluginIsCheckedBesideItAndTheInstalledOneStays() {
        try (PluginHarness h = PluginHarness.start()) {
            Bundle before = bundleOf(h, "org.overparam.plugin.optim.gd");
            List<Check> checks = new org.overparam.sdk.check.PluginVerifier(h.checks()).verify(Jars.gd());
            assertTrue(org.overparam.sdk.check.PluginVerifier.passed(checks), checks.toString());
            Check install = checks.stream().filter(c -> c.name().equals("install")).findFirst().orElseThrow();
            String version = before.getVersion().toString();
            String above = version + (before.getVersion().getQualifier().isEmpty() ? ".verify" : "-verify");
            assertEquals("org.overparam.plugin.optim.gd " + above + " resolved and started; 5 components registered; "
                    + "beside the installed org.overparam.plugin.optim.gd " + version + " (bundle " + before.getBundleId()
                    + ", left as it is), as version " + above, install.detail());
            assertEquals(Bundle.ACTIVE, before.getState());
            assertEquals(version, h.registry().find(ComponentKind.OPTIMIZER, "gd").orElseThrow().version(),
                    "the installed gd serves again");
            assertEquals(RunStatus.COMPLETED, h.run(h.tiny()).status());
        }
    }

    private static Bundle bundleOf(PluginHarness h, String symbolicName) {
        for (Bundle b : h.context().getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    @Test
    void aComponentThatRejectsTheTinySetupIsSkippedNotFailed() {
        try (PluginHarness h = PluginHarness.start()) {
            List<Check> checks = h.verify(Jars.of("org.overparam.plugin.losses"));
            List<String> runs = checks.stream().filter(c -> c.name().equals("run")).map(Check::line).toList();
            assertEquals(2, runs.size(), checks.toString());
            assertEquals("skip run        loss cross-entropy rejects the tiny experiment (try it in an experiment of your "
                    + "own): cross-entropy needs at least 2 outputs (classes), the data has 1", runs.get(0));
            assertTrue(runs.get(1).startsWith("ok   run        loss squared: COMPLETED after 50 steps"), runs.get(1));
            assertTrue(org.overparam.sdk.check.PluginVerifier.passed(checks), checks.toString());
        }
    }

    @Test
    void harnessWithoutDefaultsHasOnlyTheEngine() {
        try (PluginHarness h = PluginHarness.builder().withoutDefaultPlugins().start()) {
            assertEquals(List.of(), h.registry().list());
            Path work = h.workDir();
            assertTrue(Files.isDirectory(work));
            h.close();
            assertTrue(Files.notExists(work), "close deletes the work folder");
        }
    }
}
