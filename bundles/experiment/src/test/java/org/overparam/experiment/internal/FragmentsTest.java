package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunSpec;

/** Component fragments and top-level includes: lookup order, merging, locations and errors. */
class FragmentsTest {
    static final String BODY = """
            initializer: ntk
            loss: squared
            optimizer: gd
            stop: {maxSteps: 10}
            """;

    @TempDir
    Path dir;
    Map<String, String> properties = Map.of();
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry(), name -> properties.get(name),
            ShippedFragments.load());

    Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    RunSpec read(Path file, String... overrides) {
        return reader.read(file, List.of(overrides));
    }

    String error(Path file, List<Path> fragments) {
        return assertThrows(InvalidInputException.class, () -> reader.read(file, List.of(), fragments)).oneLine();
    }

    Map<String, Object> values(RunSpec s, ComponentKind kind) {
        return s.component(kind).config().values();
    }

    @Test
    void shippedFragmentsNameAComponentWithParameters() throws IOException {
        Path f = write("t.yaml", "dataset: sphere-64\narchitecture: fc-wide\n" + BODY);
        RunSpec s = read(f);
        assertEquals("fc", s.component(ComponentKind.ARCHITECTURE).name());
        assertEquals(Map.of("depth", 2L, "width", 4096L, "activation", "relu"), values(s, ComponentKind.ARCHITECTURE));
        assertEquals(64L, values(s, ComponentKind.DATASET).get("n"));
        assertEquals(FragmentLibrary.SHIPPED + "architecture/fc-wide.yaml:2", s.component(ComponentKind.ARCHITECTURE)
                .origin());
    }

    @Test
    void parametersBesideTheNameAndOverridesWinOverTheFragment() throws IOException {
        Path f = write("t.yaml", "dataset: sphere\narchitecture: {name: fc-wide, depth: 3}\n" + BODY);
        assertEquals(Map.of("depth", 3L, "width", 4096L, "activation", "relu"),
                values(read(f), ComponentKind.ARCHITECTURE));
        assertEquals(Map.of("depth", 3L, "width", 8L, "activation", "relu"),
                values(read(f, "architecture.width=8"), ComponentKind.ARCHITECTURE));
        assertEquals(Map.of("depth", 2L, "width", 4096L, "activation", "relu"),
                values(read(f, "architecture=fc-wide"), ComponentKind.ARCHITECTURE));
    }

    @Test
    void userFoldersComeFirstThenBesideTheFileThenShipped() throws IOException {
        Path f = write("exp/t.yaml", "dataset: sphere\narchitecture: fc-wide\n" + BODY);
        write("exp/fragments/architecture/fc-wide.yaml", "name: fc\nwidth: 100\n");
        write("mine/architecture/fc-wide.yaml", "name: fc\nwidth: 200\n");
        write("prop/architecture/fc-wide.yaml", "name: fc\nwidth: 300\n");
        assertEquals(100L, values(read(f), ComponentKind.ARCHITECTURE).get("width"));
        assertEquals(200L, values(reader.read(f, List.of(), List.of(dir.resolve("mine"))), ComponentKind.ARCHITECTURE)
                .get("width"));
        properties = Map.of("overparam.fragments", dir.resolve("prop").toString());
        assertEquals(300L, values(read(f), ComponentKind.ARCHITECTURE).get("width"));
        assertEquals(200L, values(reader.read(f, List.of(), List.of(dir.resolve("mine"))), ComponentKind.ARCHITECTURE)
                .get("width"));
    }

    @Test
    void errorsInAFragmentPointIntoTheFragment() throws IOException {
        Path frag = write("fragments/architecture/bad.yaml", "# a bad one\nname: fc\nwidth: 0\n");
        Path f = write("t.yaml", "dataset: sphere\narchitecture: bad\n" + BODY);
        assertEquals(frag + ":3: architecture.width: value 0 is out of range [1, inf)", error(f, List.of()));
        write("fragments/architecture/bad.yaml", "width: 5\n");
        assertEquals(frag + ":1: the architecture fragment 'bad' needs a 'name': the architecture (or architecture "
                + "fragment) it configures", error(f, List.of()));
    }

    @Test
    void fragmentsMayNameFragmentsButNotThemselves() throws IOException {
        write("fragments/architecture/deep-wide.yaml", "name: fc-wide\ndepth: 4\n");
        Path f = write("t.yaml", "dataset: sphere\narchitecture: deep-wide\n" + BODY);
        assertEquals(Map.of("depth", 4L, "width", 4096L, "activation", "relu"),
                values(read(f), ComponentKind.ARCHITECTURE));
        Path a = write("fragments/architecture/a.yaml", "name: b\n");
        Path b = write("fragments/architecture/b.yaml", "name: a\n");
        Path g = write("g.yaml", "dataset: sphere\narchitecture: a\n" + BODY);
        assertEquals(b + ":1: architecture fragment 'a' includes itself: " + g + ":2 -> " + a + ":1 -> " + b + ":1",
                error(g, List.of()));
    }

    @Test
    void unknownNamesSuggestComponentsAndFragments() throws IOException {
        Path f = write("t.yaml", "dataset: sphere\narchitecture: fc-wdie\n" + BODY);
        assertEquals(f + ":2: no architecture or architecture fragment named 'fc-wdie' (did you mean 'fc-wide'?); "
                + "installed: fc; architecture fragments: fc-deep, fc-narrow, fc-wide", error(f, List.of()));
        Path g = write("g.yaml", "dataset: sphere\narchitecture: fx\n" + BODY);
        assertEquals(g + ":2: no architecture named 'fx' (did you mean 'fc'?)", error(g, List.of()));
        assertEquals(dir.resolve("absent") + ": the fragments folder does not exist",
                error(g, List.of(dir.resolve("absent"))));
    }

    @Test
    void includesMergeInOrderAndTheIncludingFileWins() throws IOException {
        write("base.yaml", "seed: 4\ndataset: {name: sphere, n: 8}\narchitecture: {name: fc, width: 16}\n" + BODY);
        write("more.yaml", "seed: 5\narchitecture: {width: 32}\n");
        Path f = write("t.yaml", "include: [base.yaml, more.yaml]\ndataset: {d: 3}\ninitializer: {sigma: 2}\n");
        RunSpec s = read(f);
        assertEquals(5L, s.seed());
        assertEquals(32L, values(s, ComponentKind.ARCHITECTURE).get("width"));
        assertEquals(Map.of("n", 8L, "d", 3L, "target", "teacher", "tag", ""), values(s, ComponentKind.DATASET));
        assertEquals(2.0, values(s, ComponentKind.INITIALIZER).get("sigma"));
        Path g = write("g.yaml", "include: base.yaml\narchitecture: {name: fc}\noptimizer: {name: sgd, batch: 2}\n");
        RunSpec t = read(g);
        assertEquals(16L, values(t, ComponentKind.ARCHITECTURE).get("width"));
        assertEquals(Map.of("lr", 0.1, "batch", 2L), values(t, ComponentKind.OPTIMIZER));
    }

    @Test
    void namedIncludesComeFromTheLibrary() throws IOException {
        Path f = write("t.yaml", "include: [ntk-regime]\ndataset: {name: sphere, n: 8}\nstop: {maxSteps: 3}\n");
        RunSpec s = read(f);
        assertEquals(1L, s.seed());
        assertEquals(0.45, values(s, ComponentKind.OPTIMIZER).get("lr"));
        assertEquals(Map.of("n", 8L, "d", 10L, "target", "teacher", "tag", ""), values(s, ComponentKind.DATASET));
        assertEquals(3, s.stop().maxSteps());
    }

    @Test
    void includeErrors() throws IOException {
        Path a = write("a.yaml", "include: [b.yaml]\n" + BODY);
        Path b = write("b.yaml", "seed: 1\ninclude:\n  - a.yaml\n");
        assertEquals(b + ":3: 'a.yaml' includes itself: " + a + ":1 -> " + b + ":3", error(a, List.of()));
        Path self = write("self.yaml", "include: self.yaml\n");
        assertEquals(self + ":1: 'self.yaml' includes itself: " + self + ":1", error(self, List.of()));
        Path m = write("m.yaml", "include: [bse.yaml]\n");
        write("base.yaml", BODY);
        assertEquals(m + ":1: included file 'bse.yaml' not found (looked for " + dir.resolve("bse.yaml")
                + ") (did you mean 'base.yaml'?)", error(m, List.of()));
        Path n = write("n.yaml", "include: [ntk-regme]\n");
        assertEquals(n + ":1: no experiment fragment named 'ntk-regme' (did you mean 'ntk-regime'?); experiment "
                + "fragments: ntk-regime", error(n, List.of()));
        Path o = write("o.yaml", "include: [3]\n");
        assertEquals(o + ":1: include: expected a fragment name or a .yaml file, got 3", error(o, List.of()));
    }
}
