package org.overparam.experiment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The fragments shipped in this bundle's resources, {@code fragments/<group>/<name>.yaml}, read once:
 * through the bundle's entries in the container, or from the class path's {@code fragments} folder
 * (a directory or a jar) in tests.
 */
final class ShippedFragments {
    /** The resource folder of the shipped fragments. */
    static final String ROOT = "fragments";

    private ShippedFragments() {
    }

    /** @return the shipped fragments' texts by {@code <group>/<name>}, sorted */
    static Map<String, String> load() {
        Map<String, String> out = new TreeMap<>();
        Bundle bundle = FrameworkUtil.getBundle(ShippedFragments.class);
        try {
            if (bundle != null) {
                Enumeration<URL> e = bundle.findEntries(ROOT, "*.yaml", true);
                while (e != null && e.hasMoreElements()) {
                    URL u = e.nextElement();
                    String path = u.getPath();
                    try (InputStream in = u.openStream()) {
                        put(out, path.substring(path.indexOf(ROOT + "/") + ROOT.length() + 1), in.readAllBytes());
                    }
                }
                return out;
            }
            URL root = ShippedFragments.class.getClassLoader().getResource(ROOT);
            if (root != null && "jar".equals(root.getProtocol())) {
                JarURLConnection c = (JarURLConnection) root.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (e.getName().startsWith(ROOT + "/") && e.getName().endsWith(".yaml")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                put(out, e.getName().substring(ROOT.length() + 1), in.readAllBytes());
                            }
                        }
                    }
                }
            } else if (root != null && "file".equals(root.getProtocol())) {
                Path dir = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
                        put(out, dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped fragments", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the shipped fragments", e);
        }
    }

    private static void put(Map<String, String> out, String relative, byte[] content) {
        if (relative.chars().filter(c -> c == '/').count() == 1) {
            out.put(relative.substring(0, relative.length() - ".yaml".length()),
                    new String(content, StandardCharsets.UTF_8));
        }
    }
}
