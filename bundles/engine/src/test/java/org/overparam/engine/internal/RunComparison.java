package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.overparam.api.run.RunResult;

/** Asserts that two runs of one spec ended identically, byte for byte where it counts. */
final class RunComparison {
    private RunComparison() {
    }

    /**
     * Same status, steps, loss bits and final metrics; the same metrics.csv, final checkpoint (when
     * there is one), series and artifacts byte for byte, provenance.json but for its added resumes; the same
     * result.json once its times
     * ({@code started}, {@code finished}, {@code timings}) and id are taken out.
     *
     * @param expected the uninterrupted run
     * @param actual the resumed run
     * @throws IOException if a file cannot be read
     */
    static void assertSame(RunResult expected, RunResult actual) throws IOException {
        assertEquals(expected.status(), actual.status(), actual.message());
        assertEquals(expected.steps(), actual.steps());
        assertEquals(Double.doubleToRawLongBits(expected.loss()), Double.doubleToRawLongBits(actual.loss()));
        assertEquals(expected.metrics(), actual.metrics());
        assertEquals(expected.message(), actual.message());
        Path a = expected.directory();
        Path b = actual.directory();
        List<String> files = RunFiles.tree(a).stream().filter(f -> !f.equals("run.log") && !f.equals("result.json")
                && !f.equals("run.lock")).toList();
        assertEquals(files, RunFiles.tree(b).stream().filter(f -> !f.equals("run.log") && !f.equals("result.json")
                && !f.equals("run.lock")).toList());
        for (String f : files) {
            if (f.equals("provenance.json")) {
                String resumed = RunFiles.text(b.resolve(f));
                assertTrue(resumed.contains("\n  \"resumes\": [\n    {\"step\": "), "the resume is recorded: " + resumed);
                assertEquals(RunFiles.text(a.resolve(f)), resumed.replaceAll("(?s),\n  \"resumes\": \\[.*?\n  \\]", ""),
                        "provenance.json as it was, plus the resume");
                continue;
            }
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f + " differs");
        }
        assertEquals(timeless(a), timeless(b));
    }

    /** @return the run's result.json without its id, times and timings */
    static String timeless(Path runFolder) {
        return RunFiles.text(runFolder.resolve("result.json"))
                .replaceAll("\\s*\"id\": \"[^\"]*\",", "")
                .replaceAll("\\s*\"(started|finished)\": \"[^\"]*\",", "")
                .replaceAll("(?s)\\s*\"timings\": \\{[^}]*\\},", "");
    }
}
