package org.overparam.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a small plugin jar in a test, without bnd: Java sources compiled against the test's class
 * path, a hand-written manifest and one Declarative Services descriptor per component. Used for
 * plugins that are wrong on purpose (a leak, a foreign import, missing metadata).
 */
final class FixturePlugin {
    private final String symbolicName;
    private String imports = "org.overparam.api;version=\"[1.1,2)\"";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> descriptors = new ArrayList<>();

    FixturePlugin(String symbolicName) {
        this.symbolicName = symbolicName;
    }

    /**
     * @param header the Import-Package header
     * @return this
     */
    FixturePlugin imports(String header) {
        imports = header;
        return this;
    }

    /**
     * @param className a fully qualified class name
     * @param source its source
     * @return this
     */
    FixturePlugin source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /**
     * @param implementation the component's class
     * @param service the service interface
     * @param properties its service properties
     * @return this
     */
    FixturePlugin component(String implementation, String service, Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + implementation + "\">\n");
        properties.forEach((k, v) -> xml.append("  <property name=\"").append(k).append("\" type=\"String\" value=\"")
                .append(v).append("\"/>\n"));
        xml.append("  <service><provide interface=\"").append(service).append("\"/></service>\n")
                .append("  <implementation class=\"").append(implementation).append("\"/>\n</scr:component>\n");
        descriptors.add(xml.toString());
        return this;
    }

    /**
     * @param dir a folder for the sources, classes and jar
     * @return the jar
     * @throws IOException if writing fails
     */
    Path build(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "--release", "17"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        if (javac.run(null, OutputStream.nullOutputStream(), log, args.toArray(new String[0])) != 0) {
            throw new IOException("the fixture does not compile: " + log.toString(StandardCharsets.UTF_8));
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", imports);
        List<String> xmlNames = new ArrayList<>();
        for (int i = 0; i < descriptors.size(); i++) {
            xmlNames.add("OSGI-INF/component" + i + ".xml");
        }
        a.putValue("Service-Component", String.join(",", xmlNames));
        Path jar = dir.resolve(symbolicName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            for (int i = 0; i < descriptors.size(); i++) {
                out.putNextEntry(new JarEntry(xmlNames.get(i)));
                out.write(descriptors.get(i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
