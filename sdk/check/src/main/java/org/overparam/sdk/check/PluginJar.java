package org.overparam.sdk.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * What a plugin jar says about itself before it is installed: its manifest, identity and component
 * descriptors.
 *
 * @param path the jar
 * @param manifest its manifest
 * @param symbolicName its {@code Bundle-SymbolicName} (without directives)
 * @param version its {@code Bundle-Version}
 * @param descriptors its Declarative Services components
 */
record PluginJar(Path path, Manifest manifest, String symbolicName, Version version,
                 List<ComponentDescriptors.Descriptor> descriptors) {
    /** Copies the list. */
    PluginJar {
        descriptors = List.copyOf(descriptors);
    }

    /**
     * @param path a jar file
     * @return its contents
     * @throws IOException with a one-line message if it is missing, not a jar, not a bundle, or its
     *     descriptors cannot be read
     */
    static PluginJar read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + " does not exist or is not a file");
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest mf = jar.getManifest();
            if (mf == null) {
                throw new IOException(path.getFileName() + " has no META-INF/MANIFEST.MF");
            }
            String bsn = mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null || bsn.isBlank()) {
                throw new IOException(path.getFileName() + " is not an OSGi bundle (no Bundle-SymbolicName): "
                        + "build it with bnd-maven-plugin");
            }
            if (!"2".equals(mf.getMainAttributes().getValue(Constants.BUNDLE_MANIFESTVERSION))) {
                throw new IOException(path.getFileName() + " is not an OSGi R4+ bundle (Bundle-ManifestVersion is not 2)");
            }
            Version version;
            try {
                version = Version.parseVersion(mf.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
            } catch (IllegalArgumentException e) {
                throw new IOException(path.getFileName() + " has a malformed Bundle-Version: " + e.getMessage(), e);
            }
            String name = bsn.split(";", 2)[0].strip();
            String header = mf.getMainAttributes().getValue("Service-Component");
            return new PluginJar(path, mf, name, version, ComponentDescriptors.read(jar, header));
        } catch (java.util.zip.ZipException e) {
            throw new IOException(path.getFileName() + " is not a jar: " + e.getMessage(), e);
        }
    }

    /** @return e.g. {@code org.example.plugin.adagrad 1.0.0.SNAPSHOT} */
    String identity() {
        return symbolicName + " " + version;
    }
}
