package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.folder.RunFolder;

/** Experiment names that are not safe as folder names: the folder used, and the notice that says so. */
class RunNameTest {
    @TempDir
    Path runs;

    @Test
    void unsafeCharactersBecomeDashesAndALeadingDotOrDashGetsAPrefix() {
        assertEquals("a-..-b", RunFolder.safe("a/../b"));
        assertEquals("run..", RunFolder.safe(".."));
        assertEquals("run-rf", RunFolder.safe("-rf"));
        assertEquals("run.hidden", RunFolder.safe(".hidden"));
        assertEquals("tab-and-nl-", RunFolder.safe("tab\tand\nnl\u0007"));
        assertEquals("run", RunFolder.safe(""));
        assertEquals("quickstart_2.v1-x", RunFolder.safe("quickstart_2.v1-x"));
        assertNull(RunFolder.renamedNotice("quickstart_2.v1-x", "quickstart_2.v1-x-20261207-120000-abcd"));
    }

    @Test
    void aRunNamedWithAPathSeparatorStaysInTheRunsFolderAndSaysSoOnce() throws IOException {
        List<RunEvent> events = new ArrayList<>();
        RunResult r = new Run(TestRegistry.standard(), named("../x/\u0001-y"), runs.resolve("runs"), events::add, 0)
                .execute();

        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertTrue(r.runId().matches("run\\.\\.-x---y-\\d{8}-\\d{6}-[0-9a-f]{4}"), r.runId());
        assertEquals(runs.resolve("runs").resolve(r.runId()), r.directory());
        try (Stream<Path> s = Files.list(runs)) {
            assertEquals(List.of(runs.resolve("runs")), s.toList(), "nothing outside the runs folder");
        }
        String expected = "name '../x/\\u0001-y' is not safe as a folder name (only letters, digits, '.', '_' and"
                + " '-', not first '.' or '-'); the run folder is " + r.runId();
        List<String> notices = events.stream().filter(e -> e.type() == RunEvent.Type.NOTICE)
                .map(RunEvent::message).toList();
        assertEquals(List.of(expected), notices);
        List<String> log = RunFiles.lines(r.directory().resolve("run.log"));
        assertEquals(1, log.stream().filter(l -> l.endsWith(expected)).count(), String.join("\n", log));
        assertTrue(log.stream().noneMatch(l -> l.contains("\u0001")), "no control character reaches run.log");
    }

    private static RunSpec named(String name) {
        RunSpec s = Specs.base().stop(3, 0).build();
        return new RunSpec(name, s.seed(), s.components(), s.constraints(), s.analyzers(), s.stop(), s.freeze(),
                s.switches(), s.checkpoint(), s.text(), s.source());
    }
}
