package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StopRule;

class YamlSpecReaderTest {
    static final String QUICKSTART = """
            name: quickstart            # optional
            seed: 1
            dataset:
              name: sphere
              n: 32
            architecture: {name: fc, depth: 3, width: 1024}
            initializer: ntk
            loss: squared
            optimizer: {name: gd, lr: 0.5}
            constraints: [{name: ball, radius: 2}]
            analyzers:
              - {name: dynamics, every: 10}
              - ntk
            stop: {maxSteps: 2000, targetLoss: 1.0e-7}
            freeze: [W1, 'b*']
            """;

    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry());

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void validFileResolvesWithDefaults() throws IOException {
        Path f = write("quickstart.yaml", QUICKSTART);
        RunSpec s = reader.read(f, List.of());
        assertEquals("quickstart", s.name());
        assertEquals(1L, s.seed());
        assertEquals(Map.of("n", 32L, "d", 10L, "target", "teacher", "tag", ""), s.component(ComponentKind.DATASET).config().values());
        assertEquals(Map.of("depth", 3L, "width", 1024L, "activation", "relu"),
                s.component(ComponentKind.ARCHITECTURE).config().values());
        assertEquals(Map.of("sigma", 1.0), s.component(ComponentKind.INITIALIZER).config().values());
        assertEquals(Map.of("lr", 0.5), s.component(ComponentKind.OPTIMIZER).config().values());
        assertEquals("constant", s.component(ComponentKind.SCHEDULE).name());
        assertEquals(f + ":9", s.component(ComponentKind.OPTIMIZER).origin());
        assertEquals(Map.of("radius", 2.0), s.constraints().get(0).config().values());
        assertEquals(2, s.analyzers().size());
        AnalyzerRef dyn = s.analyzers().get(0);
        assertEquals("dynamics", dyn.label());
        assertEquals(10, dyn.every());
        assertEquals(Map.of("flips", true, "layers", List.of(1L, 2L)), dyn.component().config().values());
        assertEquals("ntk", s.analyzers().get(1).label());
        assertEquals(0, s.analyzers().get(1).every());
        assertEquals(new StopRule(2000, 1e-7), s.stop());
        assertEquals(List.of("W1", "b*"), s.freeze());
        assertEquals(f.toString(), s.source());
    }

    @Test
    void resolvedTextListsEveryParameterAndItsProvider() throws IOException {
        Path f = write("q.yaml", QUICKSTART);
        String expected = """
                # Resolved experiment: every parameter, defaults included; pinned: the bundle@version of each component.
                name: quickstart
                seed: 1
                dataset:
                  name: sphere
                  d: 10
                  "n": 32
                  tag: ""
                  target: teacher
                architecture:
                  name: fc
                  activation: relu
                  depth: 3
                  width: 1024
                initializer:
                  name: ntk
                  sigma: 1.0
                loss:
                  name: squared
                optimizer:
                  name: gd
                  lr: 0.5
                schedule:
                  name: constant
                constraints:
                - name: ball
                  radius: 2.0
                analyzers:
                - name: dynamics
                  label: dynamics
                  every: 10
                  flips: true
                  layers:
                  - 1
                  - 2
                - name: ntk
                  label: ntk
                  every: 0
                stop:
                  maxSteps: 2000
                  targetLoss: 1.0E-7
                freeze:
                - W1
                - b*
                pinned:
                  dataset.sphere: test.plugins@1.0.0
                  architecture.fc: test.plugins@1.0.0
                  initializer.ntk: test.plugins@1.0.0
                  loss.squared: test.plugins@1.0.0
                  optimizer.gd: test.plugins@1.0.0
                  schedule.constant: test.plugins@1.0.0
                  constraint.ball: test.plugins@1.0.0
                  analyzer.dynamics: test.plugins@1.0.0
                  analyzer.ntk: test.plugins@1.0.0
                """;
        assertEquals(expected, reader.read(f, List.of()).text());
    }

    @Test
    void nameSeedScheduleAndTargetHaveDefaults() throws IOException {
        Path f = write("tiny-run.yml", """
                dataset: sphere
                architecture: fc
                initializer: ntk
                loss: squared
                optimizer: gd
                stop: {maxSteps: 5}
                """);
        RunSpec s = reader.read(f, List.of());
        assertEquals("tiny-run", s.name());
        assertEquals(0L, s.seed());
        assertEquals(new StopRule(5, 0), s.stop());
        assertEquals(List.of(), s.analyzers());
        assertEquals(List.of(), s.constraints());
        assertEquals(List.of(), s.freeze());
        assertEquals(Map.of("lr", 0.1), s.component(ComponentKind.OPTIMIZER).config().values());
    }

    @Test
    void stringsKeepTheirTextWhereYamlWouldReadABooleanOrANumber() throws IOException {
        Path f = write("s.yaml", QUICKSTART.replace("name: quickstart ", "name: 1.10 ").replace("n: 32", "tag: no")
                .replace("{name: dynamics, every: 10}", "{name: dynamics, every: 10, label: 007}"));
        RunSpec s = reader.read(f, List.of());
        assertEquals("1.10", s.name());
        assertEquals("no", s.component(ComponentKind.DATASET).config().get("tag"));
        assertEquals("007", s.analyzers().get(0).label());
        assertEquals("1.0", reader.read(f, List.of("dataset.tag=1.0")).component(ComponentKind.DATASET).config().get("tag"));
        RunSpec again = reader.read(write("again.yaml", s.text()), List.of());
        assertEquals(comparable(s), comparable(again));
    }

    @Test
    void readingTheResolvedTextAgainGivesAnEqualSpec() throws IOException {
        RunSpec first = reader.read(write("q.yaml", QUICKSTART),
                List.of("optimizer=sgd", "analyzers.1={name: ntk, label: ntk2, every: 7}", "freeze=[]"));
        RunSpec second = reader.read(write("resolved.yaml", first.text()), List.of());
        assertEquals(comparable(first), comparable(second));
        assertEquals(first.text(), second.text());
        RunSpec third = reader.read(write("resolved2.yaml", second.text()), List.of());
        assertEquals(second.text(), third.text());
    }

    /** The spec without locations, text and source, which name the file it came from. */
    static RunSpec comparable(RunSpec s) {
        Map<ComponentKind, ComponentRef> single = new EnumMap<>(ComponentKind.class);
        s.components().forEach((k, c) -> single.put(k, bare(c)));
        List<AnalyzerRef> analyzers = s.analyzers().stream()
                .map(a -> new AnalyzerRef(bare(a.component()), a.label(), a.every())).toList();
        return new RunSpec(s.name(), s.seed(), single, s.constraints().stream().map(YamlSpecReaderTest::bare).toList(),
                analyzers, s.stop(), s.freeze(), "", "");
    }

    static ComponentRef bare(ComponentRef c) {
        return new ComponentRef(c.kind(), c.name(), c.config(), "");
    }
}
