package org.overparam.sdk.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Checking an updated jar of a plugin that is already installed: the framework refuses a second
 * bundle of the same symbolic name and version, and of two components of the same name the
 * registry prefers the higher bundle version. So the jar is installed from a copy whose
 * {@code Bundle-Version} is the highest installed one with {@code verify} appended to its qualifier
 * ({@code 1.0.0} becomes {@code 1.0.0.verify}, {@code 1.0.0.SNAPSHOT} becomes
 * {@code 1.0.0.SNAPSHOT-verify}): above every installed revision, so its components are the ones the
 * checks see. Nothing else in the jar changes; the installed bundle is left as it is.
 */
final class SideBySide {
    private SideBySide() {
    }

    /**
     * @param context the framework's bundles
     * @param jar the plugin jar read
     * @return the installed bundle of the jar's symbolic name with the highest version, when that
     *     version is at least the jar's (then the jar must be installed from a copy); else {@code null}
     */
    static Bundle installed(BundleContext context, PluginJar jar) {
        Bundle highest = null;
        for (Bundle b : context.getBundles()) {
            if (jar.symbolicName().equals(b.getSymbolicName()) && b.getVersion().compareTo(jar.version()) >= 0
                    && (highest == null || b.getVersion().compareTo(highest.getVersion()) > 0)) {
                highest = b;
            }
        }
        return highest;
    }

    /**
     * @param installed a version
     * @return the version just above it: {@code verify} appended to its qualifier
     */
    static Version above(Version installed) {
        String q = installed.getQualifier();
        return new Version(installed.getMajor(), installed.getMinor(), installed.getMicro(),
                q.isEmpty() ? "verify" : q + "-verify");
    }

    /**
     * Writes a copy of a jar with another {@code Bundle-Version}, every other entry as it is.
     *
     * @param jar the jar
     * @param version the copy's version
     * @param folder where to write the copy (created if missing)
     * @return the copy, {@code <name>-verify.jar} in the folder
     * @throws IOException if the jar cannot be read or the copy written
     */
    static Path copy(Path jar, Version version, Path folder) throws IOException {
        Files.createDirectories(folder);
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path out = folder.resolve(name + "-verify.jar");
        try (JarFile in = new JarFile(jar.toFile());
             OutputStream file = Files.newOutputStream(out)) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().putValue(Constants.BUNDLE_VERSION, version.toString());
            try (JarOutputStream copy = new JarOutputStream(file, mf)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
        return out;
    }
}
