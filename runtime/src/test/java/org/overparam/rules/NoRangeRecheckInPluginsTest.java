package org.overparam.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home per fact: no plugin re-checks a range its {@code @Param} declares (the engine checks it
 * before the component sees its Config). See {@link RangeRecheckScanner} for what counts.
 */
class NoRangeRecheckInPluginsTest {
    private static final Path PLUGINS = Path.of("..", "plugins");
    /** The plugin every new author starts from: it must not teach re-checks either. */
    private static final Path ARCHETYPE = Path.of("..", "sdk", "archetype", "src", "main", "resources",
            "archetype-resources", "src", "main", "java");

    @Test
    void noPluginRechecksADeclaredRange() throws IOException {
        List<String> found = new ArrayList<>();
        int modules = 0;
        int ranged = 0;
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(PLUGINS)) {
            dirs.sorted().map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        roots.add(ARCHETYPE);
        for (Path main : roots) {
            List<Path> files = Sources.javaFiles(main);
            List<String> sources = files.stream().map(Sources::read).toList();
            Set<String> params = RangeRecheckScanner.rangedParams(sources);
            modules++;
            ranged += params.size();
            for (int i = 0; i < files.size(); i++) {
                for (String hit : RangeRecheckScanner.rechecks(sources.get(i), params)) {
                    found.add(files.get(i).normalize() + " " + hit);
                }
            }
        }
        assertTrue(modules >= 20, "plugin modules and the archetype scanned: " + modules);
        assertTrue(ranged >= 40, "ranged parameters found: " + ranged);
        assertEquals(List.of(), found, "re-checks of @Param ranges; the engine already checks them");
    }
}
