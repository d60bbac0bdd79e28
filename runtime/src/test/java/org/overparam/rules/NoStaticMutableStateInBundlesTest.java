package org.overparam.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DS all the way: no bundle keeps static mutable state (see {@link StaticStateScanner} for what
 * counts); state shared by a container's components is a field of a DS component, passed where it
 * is used. The exceptions are named here with their reason.
 */
class NoStaticMutableStateInBundlesTest {
    private static final Path BUNDLES = Path.of("..", "bundles");
    /**
     * Per-thread scratch buffers of the SIMD GEMM kernels: each call overwrites what it uses, so no
     * value passes from one call to the next; only the allocation is kept (a hot path). The Java
     * kernels' per-thread thread cap ({@code Linalg.limitThreads}): the kernels are static functions,
     * so a cap that binds one caller's thread only (a parallel sweep's run) can live nowhere else; it
     * holds an int, not an object of a bundle, and the sweep restores it when its run ends.
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "VectorGemm.java BUFFERS", "scratch buffers", "VectorSgemm.java BUFFERS", "scratch buffers",
            "Parallel.java LIMIT", "per-thread thread cap");

    @Test
    void noBundleKeepsStaticMutableState() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        List<Path> roots;
        try (Stream<Path> dirs = Files.list(BUNDLES)) {
            roots = dirs.sorted().map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
        }
        for (Path main : roots) {
            for (Path file : Sources.javaFiles(main)) {
                files++;
                for (String hit : StaticStateScanner.find(Sources.read(file))) {
                    String name = hit.substring(0, hit.indexOf(':'));
                    if (!ALLOWED.containsKey(file.getFileName() + " " + name)) {
                        found.add(file.normalize() + " " + hit);
                    }
                }
            }
        }
        assertTrue(roots.size() >= 6, "bundles scanned: " + roots.size());
        assertTrue(files >= 200, "bundle sources scanned: " + files);
        assertEquals(List.of(), found, "static mutable state; make it a field of a DS component");
    }
}
