package org.overparam.itest.hot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds the hot-swap tests' plugin jars by hand: a manifest, one Declarative Services descriptor
 * and class files, either from this module's compiled test classes ({@code target/test-classes}) or
 * from a shipped plugin jar. Jars are dropped into a watched folder the way users should: written
 * under a temporary name, then moved in.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param out the jar to write
     * @param bsn its symbolic name
     * @param version its version
     * @param kind the service interface, e.g. {@code org.overparam.api.Architecture}
     * @param name the component name ({@code overparam.name})
     * @param implementation the implementation class
     * @param classes the test classes to pack, by simple name prefix in this package (nested classes follow)
     * @return {@code out}
     * @throws IOException if a class cannot be read or the jar written
     */
    public static Path fromTestClasses(Path out, String bsn, String version, String kind, String name,
                                       Class<?> implementation, List<Class<?>> classes) throws IOException {
        return fromTestClasses(out, bsn, version, kind, name, implementation, classes, "org.overparam.api;version=\"[1.1,2)\"",
                null);
    }

    /**
     * @param out the jar to write
     * @param bsn its symbolic name
     * @param version its version
     * @param kind the service interface, or {@code null} for a library without components
     * @param name the component name
     * @param implementation the implementation class, or {@code null} for a library
     * @param classes the test classes to pack (nested classes follow)
     * @param imports the Import-Package header (none if empty)
     * @param exports the Export-Package header, or {@code null}
     * @return {@code out}
     * @throws IOException if a class cannot be read or the jar written
     */
    public static Path fromTestClasses(Path out, String bsn, String version, String kind, String name,
                                       Class<?> implementation, List<Class<?>> classes, String imports, String exports)
            throws IOException {
        Path root = Path.of(System.getProperty("user.dir"), "target", "test-classes");
        try (JarOutputStream jar = open(out, bsn, version, imports, exports, implementation != null)) {
            if (implementation != null) {
                put(jar, "OSGI-INF/component.xml", descriptor(name, kind, implementation.getName()));
            }
            for (Class<?> c : classes) {
                String pkg = c.getPackageName().replace('.', '/');
                try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                    for (Path f : files.sorted().toList()) {
                        String file = f.getFileName().toString();
                        if (file.equals(c.getSimpleName() + ".class") || file.startsWith(c.getSimpleName() + "$")) {
                            put(jar, pkg + "/" + file, Files.readAllBytes(f));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * A copy of a shipped plugin jar under another symbolic name and version, with one of its components
     * only, renamed: the same code, so runs with it give the same numbers as with the original.
     *
     * @param shipped the shipped jar
     * @param out the jar to write
     * @param bsn its symbolic name
     * @param version its version
     * @param descriptor the descriptor to keep, e.g. {@code OSGI-INF/org.overparam.plugin.gd.internal.GradientDescent.xml}
     * @param from the component's name in it
     * @param to its new name
     * @return {@code out}
     * @throws IOException if a jar cannot be read or written
     */
    public static Path renamed(Path shipped, Path out, String bsn, String version, String descriptor, String from,
                               String to) throws IOException {
        try (JarFile in = new JarFile(shipped.toFile());
             JarOutputStream jar = open(out, bsn, version, "org.overparam.api;version=\"[1.1,2)\"", null, true)) {
            String xml = new String(in.getInputStream(in.getEntry(descriptor)).readAllBytes(), StandardCharsets.UTF_8);
            put(jar, "OSGI-INF/component.xml", xml.replace("value=\"" + from + "\"", "value=\"" + to + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            for (JarEntry e : in.stream().toList()) {
                if (e.getName().endsWith(".class")) {
                    try (InputStream s = in.getInputStream(e)) {
                        put(jar, e.getName(), s.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Drops a jar into a watched folder: copied under a hidden temporary name, then moved in.
     *
     * @param jar the jar
     * @param folder the watched folder
     * @param name its file name there
     * @throws IOException if it cannot be copied
     */
    public static void drop(Path jar, Path folder, String name) throws IOException {
        Path tmp = folder.resolve("." + name + ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JarOutputStream open(Path out, String bsn, String version, String imports, String exports,
                                        boolean component) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        if (!imports.isEmpty()) {
            a.putValue("Import-Package", imports);
        }
        if (exports != null) {
            a.putValue("Export-Package", exports);
        }
        if (component) {
            a.putValue("Service-Component", "OSGI-INF/component.xml");
        }
        return new JarOutputStream(Files.newOutputStream(out), mf);
    }

    private static byte[] descriptor(String name, String kind, String implementation) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + implementation + "\">\n"
                + "  <property name=\"overparam.name\" type=\"String\" value=\"" + name + "\"/>\n"
                + "  <property name=\"overparam.description\" type=\"String\" value=\"hot-swap test plugin\"/>\n"
                + "  <service><provide interface=\"" + kind + "\"/></service>\n"
                + "  <implementation class=\"" + implementation + "\"/>\n"
                + "</scr:component>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry e = new JarEntry(name);
        e.setTime(315532800000L);
        jar.putNextEntry(e);
        jar.write(bytes);
        jar.closeEntry();
    }

}
