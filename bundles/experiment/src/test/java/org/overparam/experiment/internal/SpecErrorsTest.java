package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;

/** Every problem in an experiment file is one line naming the file and line. */
class SpecErrorsTest {
    /** A valid file; tests replace one line of it (line numbers in comments). */
    static final String BASE = String.join("\n",
            "name: t",                                        // 1
            "dataset: {name: sphere, n: 8}",                  // 2
            "architecture: {name: fc, width: 64}",            // 3
            "initializer: ntk",                               // 4
            "loss: squared",                                  // 5
            "optimizer: {name: gd, lr: 0.5}",                 // 6
            "analyzers:",                                     // 7
            "  - {name: dynamics, every: 10}",                // 8
            "stop: {maxSteps: 100}",                          // 9
            "");

    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry());
    Path file;

    String error(String text) throws IOException {
        file = Files.writeString(dir.resolve("t.yaml"), text);
        return assertThrows(InvalidInputException.class, () -> reader.read(file, List.of())).oneLine();
    }

    /** @return BASE with line {@code n} (1-based) replaced */
    static String replace(int n, String line) {
        String[] lines = BASE.split("\n", -1);
        lines[n - 1] = line;
        return String.join("\n", lines);
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.yaml");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(f, List.of()));
        assertEquals(f.toString(), e.where());
        assertEquals("no such file", e.getMessage());
    }

    @Test
    void unreadableFiles() throws IOException {
        assertEquals(dir + ": is a directory, not an experiment file",
                assertThrows(InvalidInputException.class, () -> reader.read(dir, List.of())).oneLine());
        Path latin1 = Files.write(dir.resolve("l.yaml"), new byte[] {'n', ':', ' ', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ": cannot read the file: it is not UTF-8 text",
                assertThrows(InvalidInputException.class, () -> reader.read(latin1, List.of())).oneLine());
    }

    @Test
    void emptyFile() throws IOException {
        String msg = "the file is empty; an experiment needs at least dataset, architecture, initializer, loss, "
                + "optimizer and stop";
        assertEquals(dir.resolve("t.yaml") + ":1: " + msg, error(""));
        assertEquals(file + ":1: " + msg, error("# only a comment\n\n"));
    }

    @Test
    void malformedYamlGivesTheParsersFirstLineAndTheLine() throws IOException {
        assertEquals(file(4) + "malformed YAML: mapping values are not allowed here",
                error(replace(3, "architecture: fc\n  width: 64")));
        // at the end of the text, the line where the unclosed list started
        assertEquals(file(10) + "malformed YAML: expected ',' or ']', but got <stream end> while parsing a flow sequence",
                error(BASE + "freeze: [W1, W2\n\n"));
        assertEquals(file(10) + "malformed YAML: found character '\\t(TAB)' that cannot start any token. (Do not use "
                + "\\t(TAB) for indentation) while scanning for the next token", error(BASE + "seed:\t\t1\n"));
    }

    @Test
    void duplicateKey() throws IOException {
        assertEquals(file(10) + "duplicate key 'loss' (first given at " + at(5) + ")",
                error(BASE + "loss: squared\n"));
        assertEquals(file(3) + "duplicate key 'width' (first given at " + at(3) + ")",
                error(replace(3, "architecture: {name: fc, width: 64, width: 32}")));
    }

    @Test
    void unknownTopLevelKeySuggestsTheClosest() throws IOException {
        assertEquals(file(6) + "unknown key 'optimiser' (did you mean 'optimizer'?)",
                error(replace(6, "optimiser: gd")));
        assertEquals(file(10) + "unknown key 'colour'; the keys are name, seed, dataset, architecture, initializer, "
                + "loss, optimizer, schedule, constraints, analyzers, stop, freeze, switch, checkpoint, pinned, include, "
                + "sweep",
                error(BASE + "colour: red\n"));
    }

    @Test
    void wrongValueTypes() throws IOException {
        assertEquals(file(10) + "seed: expected a whole number, got 'abc'", error(BASE + "seed: abc\n"));
        assertEquals(file(10) + "seed: expected a whole number, got 1.5", error(BASE + "seed: 1.5\n"));
        assertEquals(file(1) + "name: expected a string, got a list", error(replace(1, "name: [a, b]")));
        assertEquals(file(4) + "initializer: expected an initializer name, got 3", error(replace(4, "initializer: 3")));
        assertEquals(file(4) + "initializer: expected an initializer name or a mapping with 'name' and parameters, got a list",
                error(replace(4, "initializer: [ntk]")));
        assertEquals(file(10) + "freeze: expected a list, got 'W1'", error(BASE + "freeze: W1\n"));
        assertEquals(file(9) + "stop: expected a mapping such as {maxSteps: 1000, targetLoss: 1.0e-7}, got 100",
                error(replace(9, "stop: 100")));
    }

    @Test
    void missingComponents() throws IOException {
        assertEquals(file(1) + "missing key 'loss' (installed: squared)", error(replace(5, "")));
        assertEquals(file(5) + "loss: no loss given (installed: squared)", error(replace(5, "loss:")));
        assertEquals(file(4) + "initializer.name: expected an initializer name, got a list",
                error(replace(4, "initializer: {name: [ntk]}")));
        assertEquals(file(3) + "architecture needs a 'name' (installed: fc)",
                error(replace(3, "architecture: {width: 64}")));
    }

    @Test
    void unknownComponentIsReportedByTheRegistryWithTheNamesLine() throws IOException {
        assertEquals(file(6) + "no optimizer named 'sdg' (did you mean 'sgd'?)", error(replace(6, "optimizer: sdg")));
        assertEquals(file(10) + "no analyzer named 'dynamic' (did you mean 'dynamics'?)",
                error(replace(8, "  - name: ntk\n  -\n    name: dynamic")));
    }

    @Test
    void unknownOrBadParameters() throws IOException {
        assertEquals(file(3) + "unknown parameter 'widht' of architecture fc (did you mean 'width'?); "
                + "its parameters: [activation, depth, width]", error(replace(3, "architecture: {name: fc, widht: 64}")));
        assertEquals(file(5) + "architecture.width: value 0 is out of range [1, inf)",
                error(replace(3, "architecture:\n  name: fc\n  width: 0")));
        assertEquals(file(3) + "architecture.activation: 'rel' is not one of [relu, tanh] (did you mean 'relu'?)",
                error(replace(3, "architecture: {name: fc, activation: rel}")));
        assertEquals(file(6) + "optimizer.lr: expected a number, got 'fast'", error(replace(6, "optimizer: {name: gd, lr: fast}")));
        assertEquals(file(6) + "optimizer.lr: no value given", error(replace(6, "optimizer: {name: gd, lr: }")));
        assertEquals(file(6) + "optimizer.lr: value Infinity is not a finite number in (0, inf)",
                error(replace(6, "optimizer: {name: gd, lr: 1e999}")), "a number must be finite: plugins never re-check it");
        assertEquals(file(10) + "constraint ball needs parameter 'radius' (radius)", error(BASE + "constraints: [ball]\n"));
        assertEquals(file(8) + "analyzer.layers[1]: value 0 is out of range [1, inf)",
                error(replace(8, "  - {name: dynamics, layers: [1, 0]}")));
    }

    @Test
    void stopRule() throws IOException {
        assertEquals(file(1) + "missing key 'stop' (when to stop, e.g. stop: {maxSteps: 1000})", error(replace(9, "")));
        assertEquals(file(9) + "stop needs maxSteps (the step budget, at least 1)", error(replace(9, "stop: {targetLoss: 1}")));
        assertEquals(file(9) + "stop.maxSteps: maxSteps 0 is below 1", error(replace(9, "stop: {maxSteps: 0}")));
        assertEquals(file(9) + "unknown key 'stop.maxStep' (did you mean 'maxSteps'?)", error(replace(9, "stop: {maxStep: 5}")));
        assertEquals(file(9) + "stop.targetLoss: expected a number, got 'low'",
                error(replace(9, "stop: {maxSteps: 5, targetLoss: low}")));
        assertEquals(file(9) + "stop.targetLoss: targetLoss -1.0E-7 is negative; a loss never falls below 0 (0 = no target)",
                error(replace(9, "stop: {maxSteps: 5, targetLoss: -1.0e-7}")));
    }

    @Test
    void maxStepsBeyondTheLongRangeIsRefusedNotClamped() throws IOException {
        assertEquals(file(9) + "stop.maxSteps: 1.0E20 is beyond the range of a whole number (-9223372036854775808 to "
                + "9223372036854775807)", error(replace(9, "stop: {maxSteps: 100000000000000000000}")));
        assertEquals(file(9) + "stop.maxSteps: 9.223372036854776E18 is beyond the range of a whole number "
                + "(-9223372036854775808 to 9223372036854775807)", error(replace(9, "stop: {maxSteps: 9223372036854775808}")));
        assertEquals(file(9) + "stop.maxSteps: 1e30 is beyond the range of a whole number (-9223372036854775808 to "
                + "9223372036854775807)", error(replace(9, "stop: {maxSteps: '1e30'}")));
        file = Files.writeString(dir.resolve("t.yaml"), replace(9, "stop: {maxSteps: 9223372036854775807}"));
        assertEquals(Long.MAX_VALUE, reader.read(file, List.of()).stop().maxSteps(), "the largest long is exact");
    }

    @Test
    void analyzerScheduleAndLabels() throws IOException {
        assertEquals(file(8) + "analyzers[0].every: every -1 is negative (steps between analyses; 0 = at initialization "
                + "and at the end)", error(replace(8, "  - {name: dynamics, every: -1}")));
        assertEquals(file(9) + "two analyzers have the label 'dynamics' (first at " + at(8) + ");"
                + " give one a different 'label'", error(replace(8, "  - {name: dynamics, every: 10}\n  - dynamics")));
        assertEquals(file(9) + "two analyzers have the label 'x' (first at " + at(8) + ");"
                + " give one a different 'label'",
                error(replace(8, "  - {name: dynamics, label: x}\n  - {name: ntk, label: x}")));
        assertEquals(file(8) + "analyzers[0].label: label 'a.b' may hold only letters, digits, '_' and '-' (it prefixes "
                + "the metrics' names)", error(replace(8, "  - {name: dynamics, label: a.b}")));
    }

    @Test
    void analyzersThatWriteFilesNeedTheirOwnPrefix() throws IOException {
        assertEquals(file(9) + "two save-weights analyzers would write the same files weights-* (first at " + at(8)
                + "); give one its own 'filePrefix'",
                error(replace(8, "  - save-weights\n  - {name: save-weights, every: 5, label: snapshots}")));
        assertEquals(file(9) + "two save-weights analyzers would write the same files w-* (first at " + at(8)
                + "); give one its own 'filePrefix'",
                error(replace(8, "  - {name: save-weights, filePrefix: w}\n  - {name: save-weights, label: b, filePrefix: w}")));
        assertEquals(file(8) + "analyzers[0].filePrefix: '../w' is not a plain file-name prefix (letters, digits, '_',"
                + " '-' and '.', not first)", error(replace(8, "  - {name: save-weights, filePrefix: ../w}")));
        Path ok = Files.writeString(dir.resolve("ok.yaml"),
                replace(8, "  - save-weights\n  - {name: save-weights, label: s, filePrefix: s}"));
        assertEquals(2, reader.read(ok, List.of()).analyzers().size());
        assertEquals(file(9) + "analyzers save-weights and gram would write the same files g-* (first at " + at(8)
                + "); give one its own 'filePrefix'",
                error(replace(8, "  - {name: save-weights, filePrefix: g}\n  - {name: gram, save: true, filePrefix: g}")));
        Path unsaved = Files.writeString(dir.resolve("unsaved.yaml"),
                replace(8, "  - gram\n  - {name: gram, label: g2, save: false}\n  - {name: gram, label: g3, save: true}"));
        assertEquals(3, reader.read(unsaved, List.of()).analyzers().size(), "save: false writes no file");
        assertEquals(file(10) + "two gram analyzers would write the same files ntk-* (first at " + at(8)
                + "); give one its own 'filePrefix'",
                error(replace(8, "  - {name: gram, save: true}\n  - dynamics\n  - {name: gram, label: g2, save: true}")));
    }

    @Test
    void unsupportedYaml() throws IOException {
        assertEquals(file(10) + "aliases (*x) are not supported; write the value out",
                error(replace(1, "name: &x t") + "seed: *x\n"));
        assertEquals(file(11) + "a second YAML document ('---') was found; an experiment file holds one document",
                error(BASE + "---\nname: u\n"));
        assertEquals(file(1) + "an experiment file is a mapping of keys (name, seed, dataset, architecture, initializer, "
                + "loss, optimizer, schedule, constraints, analyzers, stop, freeze, switch, checkpoint, pinned, include, "
                + "sweep), not a list",
                error("- a\n- b\n"));
    }

    /** @return {@code file:line: }, the start of an error line */
    private String file(int line) {
        return at(line) + ": ";
    }

    /** @return {@code file:line} */
    private String at(int line) {
        return dir.resolve("t.yaml") + ":" + line;
    }
}
