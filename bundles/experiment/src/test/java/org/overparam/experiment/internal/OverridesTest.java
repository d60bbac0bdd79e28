package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StopRule;

class OverridesTest {
    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry());
    Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = Files.writeString(dir.resolve("q.yaml"), YamlSpecReaderTest.QUICKSTART);
    }

    RunSpec read(String... overrides) {
        return reader.read(file, List.of(overrides));
    }

    String error(String... overrides) {
        return assertThrows(InvalidInputException.class, () -> read(overrides)).oneLine();
    }

    @Test
    void scalarsAndParameters() {
        RunSpec s = read("architecture.width=2048", "seed=3", "optimizer.lr=0.1", "stop.maxSteps=100", "name=wide");
        assertEquals(2048L, s.component(ComponentKind.ARCHITECTURE).config().get("width"));
        assertEquals(3L, s.component(ComponentKind.ARCHITECTURE).config().get("depth"));
        assertEquals(3L, s.seed());
        assertEquals(0.1, s.component(ComponentKind.OPTIMIZER).config().get("lr"));
        assertEquals(new StopRule(100, 1e-7), s.stop());
        assertEquals("wide", s.name());
    }

    @Test
    void aComponentByNameDropsItsOldParameters() {
        RunSpec s = read("optimizer=sgd");
        assertEquals("sgd", s.component(ComponentKind.OPTIMIZER).name());
        assertEquals(Map.of("lr", 0.1, "batch", 32L), s.component(ComponentKind.OPTIMIZER).config().values());
        s = read("optimizer={name: sgd, batch: 8}");
        assertEquals(Map.of("lr", 0.1, "batch", 8L), s.component(ComponentKind.OPTIMIZER).config().values());
        s = read("optimizer=sgd", "optimizer.batch=4");
        assertEquals(Map.of("lr", 0.1, "batch", 4L), s.component(ComponentKind.OPTIMIZER).config().values());
    }

    @Test
    void aBareComponentNameBecomesAMappingWhenAParameterIsSet() {
        RunSpec s = read("initializer.sigma=2", "analyzers.1.every=3");
        assertEquals(Map.of("sigma", 2.0), s.component(ComponentKind.INITIALIZER).config().values());
        assertEquals(3, s.analyzers().get(1).every());
        assertEquals("ntk", s.analyzers().get(1).label());
    }

    @Test
    void listItemsByIndexAndFlowCollections() {
        RunSpec s = read("analyzers.0.every=5", "freeze=[W2, W3]", "analyzers.2={name: ntk, label: ntk_late, every: 9}",
                "constraints.0.radius=0.5", "dataset.target=random");
        assertEquals(5, s.analyzers().get(0).every());
        assertEquals("ntk_late", s.analyzers().get(2).label());
        assertEquals(List.of("W2", "W3"), s.freeze());
        assertEquals(Map.of("radius", 0.5), s.constraints().get(0).config().values());
        assertEquals("random", s.component(ComponentKind.DATASET).config().get("target"));
        s = read("analyzers=[]", "constraints=[]", "freeze.0=X");
        assertEquals(List.of(), s.analyzers());
        assertEquals(List.of(), s.constraints());
        assertEquals(List.of("X", "b*"), s.freeze());
    }

    @Test
    void anEmptyValueInTheFileCanBeFilledIn() throws IOException {
        file = Files.writeString(dir.resolve("e.yaml"), YamlSpecReaderTest.QUICKSTART
                .replace("stop: {maxSteps: 2000, targetLoss: 1.0e-7}", "stop:").replace("constraints: [{name: ball, radius: 2}]",
                        "constraints:"));
        RunSpec s = read("stop.maxSteps=9", "constraints.0={name: ball, radius: 1}");
        assertEquals(new StopRule(9, 0), s.stop());
        assertEquals(Map.of("radius", 1.0), s.constraints().get(0).config().values());
    }

    @Test
    void laterOverridesWinAndTheResolvedTextShowsTheResult() {
        RunSpec s = read("seed=3", "seed=4", "architecture.width=7");
        assertEquals(4L, s.seed());
        assertTrue(s.text().contains("\nseed: 4\n"));
        assertTrue(s.text().contains("\n  width: 7\n"));
    }

    @Test
    void badPathsNameTheOverride() {
        assertEquals("override 'architecture.widht=3': unknown parameter 'widht' of architecture fc (did you mean "
                + "'width'?); its parameters: [activation, depth, width]", error("architecture.widht=3"));
        assertEquals("override 'seeed=3': unknown key 'seeed' (did you mean 'seed'?)", error("seeed=3"));
        assertEquals("override 'stop.maxStep=3': unknown key 'stop.maxStep' (did you mean 'maxSteps'?)",
                error("stop.maxStep=3"));
        assertEquals("override 'width': expected key=value, e.g. architecture.width=2048", error("width"));
        assertEquals("override '=3': expected key=value, e.g. architecture.width=2048", error("=3"));
        assertEquals("override 'seed.x=1': 'seed' is a single value; write seed=...", error("seed.x=1"));
        assertEquals("override 'architecture..width=1': the key has an empty part", error("architecture..width=1"));
        assertEquals("override 'analyzers.5.every=1': 'analyzers' has 2 items; index 5 is out of range (2 appends)",
                error("analyzers.5.every=1"));
        assertEquals("override 'analyzers.first.every=1': 'analyzers' is a list: expected an index, got 'first'",
                error("analyzers.first.every=1"));
        assertEquals("override 'architecture.width.x=1': 'architecture.width' is 1024, not a mapping or a list",
                error("architecture.width.x=1"));
        assertEquals("override 'optimizer=sdg': no optimizer named 'sdg' (did you mean 'sgd'?)", error("optimizer=sdg"));
    }

    @Test
    void badValuesNameTheOverride() {
        assertEquals("override 'architecture.width=abc': architecture.width: expected a whole number, got 'abc'",
                error("architecture.width=abc"));
        assertEquals("override 'architecture.width=0': architecture.width: value 0 is out of range [1, inf)",
                error("architecture.width=0"));
        assertEquals("override 'seed=x': seed: expected a whole number, got 'x'", error("seed=x"));
        assertEquals("override 'stop.maxSteps=0': stop.maxSteps: maxSteps 0 is below 1", error("stop.maxSteps=0"));
        assertEquals("override 'seed=': no value after '='", error("seed="));
        assertEquals("override 'freeze=[a, b': malformed YAML: expected ',' or ']', but got <stream end> while parsing "
                + "a flow sequence", error("freeze=[a, b"));
        assertEquals("override 'analyzers.2.every=1': analyzers[2] needs a 'name' (installed: dynamics, ntk, save-weights, gram)",
                error("analyzers.2.every=1"));
    }

    @Test
    void overridesApplyBeforeValidation() throws IOException {
        file = Files.writeString(dir.resolve("broken.yaml"), YamlSpecReaderTest.QUICKSTART.replace("width: 1024", "width: 0"));
        assertEquals(1L, read("architecture.width=1").component(ComponentKind.ARCHITECTURE).config().get("width"));
        assertEquals(file + ":6: architecture.width: value 0 is out of range [1, inf)", error());
    }
}
