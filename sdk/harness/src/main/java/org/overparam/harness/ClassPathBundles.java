package org.overparam.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Manifest;

/**
 * The OSGi bundles on a class path, by symbolic name: every jar or folder whose
 * {@code META-INF/MANIFEST.MF} has a {@code Bundle-SymbolicName}. The harness's own Maven dependencies
 * are on the test class path this way, so it boots them without knowing where Maven keeps them.
 * When two entries share a name the first on the class path wins, as class loading would.
 */
final class ClassPathBundles {
    /**
     * One bundle.
     *
     * @param symbolicName its symbolic name, without directives
     * @param path the jar, or the folder of an exploded bundle ({@code target/classes})
     * @param manifest its manifest
     */
    record Entry(String symbolicName, Path path, Manifest manifest) {
        /** @return the location to install it from: a file URI, or {@code reference:} for a folder */
        String location() {
            String uri = path.toUri().toString();
            return path.toFile().isDirectory() ? "reference:" + uri : uri;
        }
    }

    private final Map<String, Entry> bundles;

    private ClassPathBundles(Map<String, Entry> bundles) {
        this.bundles = bundles;
    }

    /**
     * @param loader the class loader whose class path to scan
     * @return the bundles on it
     */
    static ClassPathBundles scan(ClassLoader loader) {
        Map<String, Entry> found = new LinkedHashMap<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                Manifest mf;
                try (InputStream in = url.openStream()) {
                    mf = new Manifest(in);
                }
                String bsn = mf.getMainAttributes().getValue("Bundle-SymbolicName");
                Path path = root(url);
                if (bsn != null && path != null) {
                    found.putIfAbsent(bsn.split(";", 2)[0].strip(), new Entry(bsn.split(";", 2)[0].strip(), path, mf));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path's manifests", e);
        }
        return new ClassPathBundles(found);
    }

    /**
     * @param symbolicName a bundle's symbolic name
     * @return its entry, or {@code null}
     */
    Entry get(String symbolicName) {
        return bundles.get(symbolicName);
    }

    /** @return the jar or folder a manifest URL belongs to, or {@code null} if it is neither */
    private static Path root(URL manifest) throws IOException {
        try {
            if ("jar".equals(manifest.getProtocol())) {
                JarURLConnection c = (JarURLConnection) manifest.openConnection();
                c.setUseCaches(false);
                URL jar = c.getJarFileURL();
                return "file".equals(jar.getProtocol()) ? Path.of(jar.toURI()) : null;
            }
            if ("file".equals(manifest.getProtocol())) {
                return Path.of(manifest.toURI()).getParent().getParent();
            }
            return null;
        } catch (URISyntaxException e) {
            throw new IOException("malformed class path entry " + manifest, e);
        }
    }
}
