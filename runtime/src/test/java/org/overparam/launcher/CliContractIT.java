package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's command line contract, on a minimal distribution built in a temporary folder
 * (the real FileInstall and framework properties, no Overparam bundle): a plugin registering
 * {@code Function} with {@code overparam.cli=true} is found, called with the arguments and its
 * code returned; without any provider the launcher gives up at once with a one-line message.
 */
class CliContractIT {
    @TempDir
    Path home;

    @Test
    void aPluginProvidingTheServiceIsCalledWithTheArguments() throws Exception {
        Distribution distribution = minimalDistribution(true);
        Path storage;
        try (FrameworkBoot boot = FrameworkBoot.start(distribution, false, false)) {
            storage = Path.of(boot.context().getProperty(FrameworkSettings.STORAGE));
            assertTrue(PluginSettle.await(boot.context(), Distribution.jars(distribution.plugins())));
            assertEquals(42, CliCall.run(boot.context(), new String[] {"probe", "x"}));
            assertEquals(3, CliCall.run(boot.context(), new String[0]));
        }
        assertFalse(Files.exists(storage), "storage deleted on close");
    }

    @Test
    void withoutAProviderTheLauncherGivesUpQuickly() throws Exception {
        Distribution distribution = minimalDistribution(false);
        try (FrameworkBoot boot = FrameworkBoot.start(distribution, false, false)) {
            long start = System.nanoTime();
            LaunchException failure = assertThrows(LaunchException.class,
                    () -> CliCall.run(boot.context(), new String[] {"--help"}));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(failure.getMessage().startsWith("CLI service not available"), failure.getMessage());
            assertEquals(1, failure.exitCode());
            assertFalse(failure.getMessage().contains("\n"));
            assertTrue(millis < 5_000, "gave up after " + millis + " ms");
        }
    }

    private Distribution minimalDistribution(boolean withFakeCli) throws IOException, LaunchException {
        Distribution real = new Distribution(Path.of(System.getProperty(Distribution.HOME_PROPERTY)));
        Distribution mini = new Distribution(home);
        Files.createDirectories(mini.bundles());
        Files.createDirectories(mini.frameworkProperties().getParent());
        Files.copy(real.frameworkProperties(), mini.frameworkProperties());
        for (Path jar : Distribution.jars(real.bundles())) {
            if (jar.getFileName().toString().startsWith("org.apache.felix.fileinstall-")) {
                Files.copy(jar, mini.bundles().resolve(jar.getFileName()));
            }
        }
        Files.createDirectories(mini.plugins());
        if (withFakeCli) {
            writeFakeCliBundle(mini.plugins().resolve("overparam-plugin-fake-cli.jar"));
        }
        return mini.checked();
    }

    private static void writeFakeCliBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.overparam.launcher.test.fakecli");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", FakeCli.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        String entry = FakeCli.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = FakeCli.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
