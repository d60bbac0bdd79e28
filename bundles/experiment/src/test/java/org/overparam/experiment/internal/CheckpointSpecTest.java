package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.CheckpointRule;
import org.overparam.api.run.RunSpec;

/** The {@code checkpoint} key: the default, the resolved text, overrides and errors at their line. */
class CheckpointSpecTest {
    static final String BASE = String.join("\n",
            "dataset: sphere",                                   // 1
            "architecture: fc",                                  // 2
            "initializer: ntk",                                  // 3
            "loss: squared",                                     // 4
            "optimizer: gd",                                     // 5
            "stop: {maxSteps: 100}",                             // 6
            "");

    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry());

    RunSpec read(String text, String... overrides) throws IOException {
        return reader.read(Files.writeString(dir.resolve("c.yaml"), text), List.of(overrides));
    }

    String error(String text, String... overrides) {
        return assertThrows(InvalidInputException.class, () -> read(text, overrides)).oneLine();
    }

    @Test
    void withoutTheKeyCheckpointsAreTheDefaultAndTheTextDoesNotMentionThem() throws IOException {
        RunSpec s = read(BASE);
        assertEquals(CheckpointRule.DEFAULT, s.checkpoint());
        assertEquals(1000, s.checkpoint().every());
        assertFalse(s.text().contains("checkpoint"), s.text());
        assertEquals(CheckpointRule.DEFAULT, read(BASE + "checkpoint: {}\n").checkpoint());
        assertEquals(CheckpointRule.DEFAULT, read(BASE + "checkpoint:\n").checkpoint());
    }

    @Test
    void anIntervalIsReadWrittenBackAndReadAgainTheSame() throws IOException {
        RunSpec s = read(BASE + "checkpoint: {every: 500}\n");
        assertEquals(new CheckpointRule(500), s.checkpoint());
        assertTrue(s.text().contains("checkpoint:\n  every: 500\n"), s.text());
        RunSpec again = reader.read(Files.writeString(dir.resolve("resolved.yaml"), s.text()), List.of());
        assertEquals(s.checkpoint(), again.checkpoint());
        assertEquals(s.text(), again.text());
        assertEquals(0, read(BASE + "checkpoint:\n  every: 0\n").checkpoint().every());
        assertFalse(read(BASE + "checkpoint: {every: 0}\n").checkpoint().enabled());
    }

    @Test
    void overridesSetTheIntervalOrTheWholeMapping() throws IOException {
        assertEquals(250, read(BASE, "checkpoint.every=250").checkpoint().every());
        assertEquals(0, read(BASE + "checkpoint: {every: 500}\n", "checkpoint={every: 0}").checkpoint().every());
        assertEquals("override 'checkpoint.evry=5': unknown key 'checkpoint.evry' (did you mean 'every'?)",
                error(BASE, "checkpoint.evry=5"));
        assertEquals("override 'checkpoint.every.x=5': 'checkpoint.every' is a single value",
                error(BASE, "checkpoint.every.x=5"));
    }

    /** What {@code resume} relies on: a run's own spec.yaml reads back with {@code pinned={}} whatever its pins say. */
    @Test
    void aResolvedTextReadsBackWithItsPinsLiftedByAnOverride() throws IOException {
        RunSpec s = read(BASE + "checkpoint: {every: 50}\n");
        String moved = s.text().replaceFirst("(optimizer\\.gd: [^@\\s]+)@\\S+", "$1@9.9.9");
        Path file = Files.writeString(dir.resolve("spec.yaml"), moved);
        assertTrue(assertThrows(InvalidInputException.class, () -> reader.read(file, List.of())).getMessage()
                .contains("pinned to "), "pins are checked by default");
        RunSpec again = reader.read(file, List.of("pinned={}"));
        s.components().forEach((kind, ref) -> {
            assertEquals(ref.name(), again.component(kind).name());
            assertEquals(ref.config(), again.component(kind).config());
        });
        assertEquals(s.checkpoint(), again.checkpoint());
    }

    @Test
    void badValuesNameTheLineAndTheKey() {
        String file = dir.resolve("c.yaml").toString();
        assertEquals(file + ":7: checkpoint.every: every -5 is negative (steps between checkpoints; 0 = none)",
                error(BASE + "checkpoint: {every: -5}\n"));
        assertEquals(file + ":7: checkpoint.every: expected a whole number, got 2.5",
                error(BASE + "checkpoint: {every: 2.5}\n"));
        assertEquals(file + ":8: checkpoint.every: expected a whole number, got 'often'",
                error(BASE + "checkpoint:\n  every: often\n"));
        assertEquals(file + ":7: checkpoint: expected a mapping such as {every: 500} (steps between checkpoints; "
                + "0 = none), got 500", error(BASE + "checkpoint: 500\n"));
        assertEquals(file + ":7: unknown key 'checkpoint.interval'; the keys are every",
                error(BASE + "checkpoint: {interval: 5}\n"));
        assertTrue(error(BASE + "checkpoints: {every: 5}\n").contains("(did you mean 'checkpoint'?)"));
    }
}
