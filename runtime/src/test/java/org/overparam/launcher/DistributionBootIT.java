package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Boots the assembled distribution ({@code target/overparam}, the system property
 * {@code overparam.home}) in this JVM through {@link FrameworkBoot}, as {@code overparam list}
 * would, and checks that every bundle of {@code bundles/} is installed and started (the web server's
 * only resolved: the dashboard starts them when it serves).
 */
class DistributionBootIT {
    private static Distribution distribution;
    private static FrameworkBoot boot;

    @BeforeAll
    static void boot() throws Exception {
        distribution = new Distribution(Path.of(System.getProperty(Distribution.HOME_PROPERTY))).checked();
        boot = FrameworkBoot.start(distribution, false, false);
    }

    @AfterAll
    static void stop() {
        if (boot != null) {
            boot.close();
        }
    }

    @Test
    void infrastructureIsActive() {
        for (String name : List.of("org.apache.felix.scr", "org.apache.felix.gogo.runtime",
                "org.apache.felix.gogo.command", "org.apache.felix.fileinstall",
                "org.apache.felix.configadmin", "org.apache.felix.metatype")) {
            Bundle bundle = bySymbolicName(name);
            assertEquals(Bundle.ACTIVE, bundle.getState(), name);
        }
    }

    @Test
    void everyBundleOfTheFolderIsInstalledAndResolved() throws Exception {
        List<Path> jars = Distribution.jars(distribution.bundles());
        assertTrue(jars.size() >= 18, "bundles/ holds " + jars.size() + " jars");
        assertEquals(List.of(), boot.failures());
        for (Path jar : jars) {
            Bundle bundle = Arrays.stream(boot.context().getBundles())
                    .filter(b -> b.getLocation().equals(BundleInstaller.location(jar)))
                    .findFirst().orElseThrow(() -> new AssertionError("not installed: " + jar.getFileName()));
            boolean startsLater = BundleInstaller.isFragment(bundle)
                    || BundleInstaller.SHELL_ONLY.contains(bundle.getSymbolicName())
                    || BundleInstaller.onServe(boot.context()).contains(bundle.getSymbolicName());
            assertEquals(startsLater ? Bundle.RESOLVED : Bundle.ACTIVE, bundle.getState(),
                    jar.getFileName().toString());
        }
    }

    @Test
    void theWebServerWaitsForServe() {
        assertEquals(java.util.Set.of("org.apache.aries.spifly.dynamic.bundle", "org.apache.felix.http.jetty"),
                BundleInstaller.onServe(boot.context()));
        for (String name : BundleInstaller.onServe(boot.context())) {
            assertEquals(Bundle.RESOLVED, bySymbolicName(name).getState(), name);
        }
    }

    @Test
    void overparamBundlesSitInTheRightFolders() throws Exception {
        List<String> core = names(Distribution.jars(distribution.bundles()));
        List<String> plugins = names(Distribution.jars(distribution.plugins()));
        assertTrue(core.contains("overparam-api.jar"), core.toString());
        assertFalse(core.stream().anyMatch(n -> n.startsWith("overparam-plugin-")), core.toString());
        assertTrue(plugins.stream().allMatch(n -> n.startsWith("overparam-plugin-")), plugins.toString());
        assertFalse(core.stream().anyMatch(n -> n.startsWith("org.apache.felix.framework")), core.toString());
    }

    @Test
    void storageIsPrivateAndTemporary() {
        Path storage = Path.of(boot.context().getProperty(FrameworkSettings.STORAGE));
        assertTrue(Files.isDirectory(storage));
        assertTrue(storage.getFileName().toString().startsWith("overparam-felix-" + ProcessHandle.current().pid()));
        assertEquals(distribution.plugins().toString(), boot.context().getProperty(FrameworkSettings.FILEINSTALL_DIR));
        assertEquals("--nointeractive", boot.context().getProperty(FrameworkSettings.GOSH_ARGS));
    }

    private static Bundle bySymbolicName(String name) {
        return Arrays.stream(boot.context().getBundles())
                .filter(b -> name.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("not installed: " + name));
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
}
