package org.overparam.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names from URLs cannot leave their folder: {@code ..}, slashes, absolute paths and hidden names are refused. */
class SafePathsTest {
    @Test
    void aRunIdOrFileNameIsOneSegment() {
        assertEquals("quickstart-20261207-122603-7b12", SafePaths.segment("quickstart-20261207-122603-7b12"));
        assertEquals("metrics.csv", SafePaths.segment("metrics.csv"));
        for (String bad : List.of("..", ".", "../etc", "a/b", "/etc/passwd", "a\\b", ".hidden", "", "a%2Fb", "a b")) {
            assertThrows(SafePaths.BadName.class, () -> SafePaths.segment(bad), bad);
        }
        assertThrows(SafePaths.BadName.class, () -> SafePaths.segment(null));
    }

    @Test
    void aFileInsideAFolderStaysInside() {
        Path runs = Path.of("/tmp/runs");
        assertEquals(Path.of("/tmp/runs/spec.yaml"), SafePaths.inside(runs, "spec.yaml"));
        assertThrows(SafePaths.BadName.class, () -> SafePaths.inside(runs, ".."));
        assertThrows(SafePaths.BadName.class, () -> SafePaths.inside(runs, "/etc"));
    }

    @Test
    void theApiPathRefusesEmptyDotAndDotDotSegments() {
        assertEquals(List.of("runs", "r1", "metrics"), ApiServlet.segments("/runs/r1/metrics"));
        assertEquals(List.of(), ApiServlet.segments(null));
        for (String bad : List.of("/runs//x", "/runs/../x", "/runs/./x", "/runs/a\\b")) {
            assertThrows(SafePaths.BadName.class, () -> ApiServlet.segments(bad), bad);
        }
    }
}
