package org.overparam.sdk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;

/** Descriptors as bnd writes them, a wildcard header, a hostile one, and the component rules. */
class ComponentDescriptorsTest {
    private static final String GD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="a.Gd">
              <property name="overparam.name" type="String" value="gd"/>
              <property name="overparam.description" type="String" value="Full-batch &lt;gradient&gt; descent"/>
              <service>
                <provide interface="org.overparam.api.Optimizer"/>
              </service>
              <implementation class="a.Gd"/>
            </scr:component>
            """;
    private static final String HELPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <component name="a.Helper"><implementation class="a.Helper"/>
              <property name="overparam.name">ignored</property>
            </component>
            """;

    @TempDir
    Path dir;

    private Path jar(Map<String, String> files) throws IOException {
        Path jar = dir.resolve("p.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    @Test
    void readsNamedAndWildcardDescriptors() throws IOException {
        try (JarFile j = new JarFile(jar(Map.of("OSGI-INF/a.Gd.xml", GD, "OSGI-INF/a.Helper.xml", HELPER,
                "OSGI-INF/other/x.xml", GD)).toFile())) {
            List<ComponentDescriptors.Descriptor> all = ComponentDescriptors.read(j, "OSGI-INF/*.xml");
            assertEquals(2, all.size());
            ComponentDescriptors.Descriptor gd = all.get(0);
            assertEquals("a.Gd", gd.implementation());
            assertEquals(List.of("org.overparam.api.Optimizer"), gd.provides());
            assertEquals("Full-batch <gradient> descent", gd.properties().get("overparam.description"));
            assertEquals("ignored", all.get(1).properties().get("overparam.name"));
            assertEquals(1, ComponentDescriptors.read(j, "OSGI-INF/a.Gd.xml").size());

            List<PluginComponent> found = new ArrayList<>();
            Check c = ComponentCheck.check(all, found);
            assertEquals("ok   components optimizer gd, each with a name and a description", c.line());
            assertEquals(List.of(new PluginComponent(ComponentKind.OPTIMIZER, "gd", "Full-batch <gradient> descent", "a.Gd")),
                    found);
        }
    }

    @Test
    void missingAndHostileDescriptorsAreErrors() throws IOException {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><c>&x;</c>";
        try (JarFile j = new JarFile(jar(Map.of("OSGI-INF/evil.xml", doctype)).toFile())) {
            IOException missing = assertThrows(IOException.class, () -> ComponentDescriptors.read(j, "OSGI-INF/none.xml"));
            assertEquals("Service-Component names OSGI-INF/none.xml, which is not in the jar", missing.getMessage());
            IOException evil = assertThrows(IOException.class, () -> ComponentDescriptors.read(j, "OSGI-INF/evil.xml"));
            assertTrue(evil.getMessage().startsWith("OSGI-INF/evil.xml is not a readable component descriptor: "),
                    evil.getMessage());
        }
    }

    @Test
    void aJarWithoutOverparamComponentsFails() {
        Check c = ComponentCheck.check(List.of(), new ArrayList<>());
        assertTrue(c.failed());
        assertTrue(c.detail().startsWith("no Declarative Services component provides an Overparam service"), c.line());
    }
}
