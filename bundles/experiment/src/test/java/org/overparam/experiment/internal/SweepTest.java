package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;

/** Sweeps in the file and on the command line: the grid, seeds, keys, the manifest and its checks. */
class SweepTest {
    static final String BASE = String.join("\n",
            "name: w",                                           // 1
            "seed: 7",                                           // 2
            "dataset: {name: sphere, n: 8}",                     // 3
            "architecture: fc",                                  // 4
            "initializer: ntk",                                  // 5
            "loss: squared",                                     // 6
            "optimizer: gd",                                     // 7
            "stop: {maxSteps: 10}",                              // 8
            "sweep:",                                            // 9
            "  architecture.width: [16, 32]",                    // 10
            "  seeds: 3",                                        // 11
            "");

    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry());

    Sweep expand(String text, String... arguments) throws IOException {
        return reader.expand(Files.writeString(dir.resolve("s.yaml"), text), List.of(arguments), List.of());
    }

    String error(String text, String... arguments) {
        return assertThrows(InvalidInputException.class, () -> expand(text, arguments)).oneLine();
    }

    static List<String> points(Sweep s) {
        return s.points().stream().map(p -> SweepExpander.shown(p.values())).toList();
    }

    @Test
    void theGridVariesTheLastAxisFastest() throws IOException {
        Sweep s = expand(BASE);
        assertEquals(List.of("architecture.width", "seed"), s.axes());
        assertEquals(List.of("architecture.width=16 seed=7", "architecture.width=16 seed=8", "architecture.width=16 seed=9",
                "architecture.width=32 seed=7", "architecture.width=32 seed=8", "architecture.width=32 seed=9"), points(s));
        SweepPoint p = s.points().get(4);
        assertEquals(5, p.index());
        assertEquals(32L, p.spec().component(ComponentKind.ARCHITECTURE).config().get("width"));
        assertEquals(8L, p.spec().seed());
        assertEquals(SweepPoint.key(p.spec().text()), p.key());
        assertTrue(p.spec().text().contains("pinned:\n  dataset.sphere: test.plugins@1.0.0\n"), p.spec().text());
        assertEquals(1, reader.read(dir.resolve("s.yaml"), List.of("seeds=1", "architecture.width=16")).seed() - 6);
    }

    @Test
    void commandLineSweepsReplaceOrExtendAndPlainOverridesFixAnAxis() throws IOException {
        Sweep s = expand(BASE, "architecture.width=range(64, 256, x2)", "optimizer.lr=0.1,0.2");
        assertEquals(List.of("architecture.width", "seed", "optimizer.lr"), s.axes());
        assertEquals(12, s.points().size());
        assertEquals("architecture.width=128 seed=9 optimizer.lr=0.2", SweepExpander.shown(s.points().get(11).values()));
        assertEquals(points(s), points(expand(BASE, "sweep.architecture.width=range(64, 256, x2)", "optimizer.lr=0.1,0.2")));
        Sweep t = expand(BASE, "architecture.width=20", "seed=1");
        assertEquals(List.of(), t.axes());
        assertEquals(1, t.points().size());
        assertEquals(20L, t.points().get(0).spec().component(ComponentKind.ARCHITECTURE).config().get("width"));
        Sweep u = expand(BASE, "seeds=2", "optimizer={name: sgd, batch: 2},gd");
        assertEquals(8, u.points().size());
        assertEquals("architecture.width=16 seed=7 optimizer={name: sgd, batch: 2}",
                SweepExpander.shown(u.points().get(0).values()));
        assertEquals("sgd", u.points().get(0).spec().component(ComponentKind.OPTIMIZER).name());
        assertEquals("gd", u.points().get(1).spec().component(ComponentKind.OPTIMIZER).name());
    }

    @Test
    void nestedSectionKeysAndSingleValues() throws IOException {
        String text = BASE.replace("  architecture.width: [16, 32]\n  seeds: 3\n",
                "  architecture:\n    width: range(10, 13)\n  optimizer.lr: 0.5\n");
        Sweep s = expand(text);
        assertEquals(List.of("architecture.width", "optimizer.lr"), s.axes());
        assertEquals(List.of("architecture.width=10 optimizer.lr=0.5", "architecture.width=11 optimizer.lr=0.5",
                "architecture.width=12 optimizer.lr=0.5"), points(s));
    }

    @Test
    void readingASweepAsOneRunIsRefused() {
        String f = dir.resolve("s.yaml").toString();
        assertEquals(f + ":10: sweep.architecture.width: this is a sweep of 6 runs; run it with 'overparam sweep' "
                + "(op:sweep in the shell)", assertThrows(InvalidInputException.class,
                        () -> reader.read(Files.writeString(dir.resolve("s.yaml"), BASE), List.of())).oneLine());
        assertEquals("override 'seed=1,2': this is a sweep of 2 runs; run it with 'overparam sweep' (op:sweep in the "
                + "shell)", assertThrows(InvalidInputException.class, () -> reader.read(dir.resolve("s.yaml"),
                        List.of("architecture.width=8", "seeds=1", "seed=1,2"))).oneLine());
    }

    @Test
    void sweepErrors() {
        String f = dir.resolve("s.yaml").toString();
        assertEquals(f + ":10: sweep.architecture.width: no values, so the sweep expands to zero runs",
                error(BASE.replace("[16, 32]", "[]")));
        assertEquals(f + ":10: sweep.architecture.width: no values, so the sweep expands to zero runs",
                error(BASE.replace("[16, 32]", "range(32, 16)")));
        assertEquals(f + ":11: sweep.seeds: no values, so the sweep expands to zero runs",
                error(BASE.replace("seeds: 3", "seeds: 0")));
        assertEquals(f + ":10: architecture.width: value 0 is out of range [1, inf)",
                error(BASE.replace("[16, 32]", "[16, 0]")));
        assertEquals(f + ":10: sweep.architecture.width: runs 1 and 4 are the same experiment (architecture.width=16 "
                + "seed=7 and architecture.width=16.0 seed=7); remove the repeated value",
                error(BASE.replace("[16, 32]", "[16, 16.0]")));
        assertEquals(f + ":10: sweep.architcture.width: unknown key 'architcture' (did you mean 'architecture'?)",
                error(BASE.replace("architecture.width:", "architcture.width:")));
        assertEquals(f + ":12: sweep.seed: 'seed' is swept twice (first at " + f + ":11: sweep.seeds); give either "
                + "seeds or seed", error(BASE + "  seed: [1, 2]\n"));
        assertEquals(f + ":10: sweep.architecture.width: the sweep expands to more than 10000 runs; sweep fewer values",
                error(BASE, "optimizer.lr=range(0.001, 1, 0.0002)"));
        assertEquals("override 'optimizer.lr=0.1,,0.2': an empty value in the list of values; write key=a,b,c",
                error(BASE, "optimizer.lr=0.1,,0.2"));
        assertEquals("override 'seeds=two': seeds: expected the number of seeds (a whole number, at least 1), got 'two'",
                error(BASE, "seeds=two"));
        assertEquals(f + ":10: sweep: expected a mapping of keys to lists or ranges, e.g. {architecture.width: [256, "
                + "512], seeds: 3}, got a list", error(BASE.substring(0, BASE.indexOf("  arch")) + "  - 1\n"));
    }

    @Test
    void theManifestReadsBackAsTheSameSweep() throws IOException {
        Sweep s = expand(BASE, "optimizer.lr=0.1,0.2");
        Path m = Files.writeString(dir.resolve("sweep.yaml"), s.manifest());
        Sweep back = reader.load(dir);
        assertEquals(s.manifest(), back.manifest());
        assertEquals(s.name(), back.name());
        assertEquals(s.axes(), back.axes());
        assertEquals(s.points().size(), back.points().size());
        for (int i = 0; i < s.points().size(); i++) {
            SweepPoint a = s.points().get(i);
            SweepPoint b = back.points().get(i);
            assertEquals(a.key(), b.key());
            assertEquals(a.values(), b.values());
            assertEquals(a.spec().text(), b.spec().text());
            assertEquals(YamlSpecReaderTest.comparable(a.spec()), YamlSpecReaderTest.comparable(b.spec()));
        }
        assertTrue(s.manifest().contains("arguments:\n- \"optimizer.lr=0.1,0.2\"\naxes:\n- architecture.width\n- seed\n"
                + "- optimizer.lr\nruns:\n- index: 1\n"), s.manifest());
        assertEquals(s.manifest(), expand(BASE, "optimizer.lr=0.1,0.2").manifest());
        Files.writeString(dir.resolve("s.yaml"), "edited: true\n");
        assertEquals(s.manifest(), reader.load(m).manifest());
    }

    @Test
    void anEditedManifestOrAMovedPinIsRefused() throws IOException {
        Sweep s = expand(BASE);
        String text = s.manifest();
        Path m = Files.writeString(dir.resolve("sweep.yaml"), text.replaceFirst("width: 32", "width: 33"));
        String error = assertThrows(InvalidInputException.class, () -> reader.load(m)).oneLine();
        assertTrue(error.startsWith(m + ":"), error);
        assertTrue(error.endsWith(": runs[3].spec: the spec was edited after the sweep was created (its SHA-256 is not "
                + "the run's key); a sweep's runs are fixed"), error);
        String spec = s.points().get(0).spec().text().replace("test.plugins@1.0.0", "test.plugins@0.9.0");
        String moved = text.replaceFirst(s.points().get(0).key(), SweepPoint.key(spec))
                .replace(indent(s.points().get(0).spec().text()), indent(spec));
        Files.writeString(m, moved);
        int pin = lineOf(moved, "dataset.sphere: test.plugins@0.9.0");
        assertEquals(m + ":" + pin + ": pinned.dataset.sphere: pinned to test.plugins@0.9.0 but test.plugins@1.0.0 is "
                + "installed; remove the pin to run with it", assertThrows(InvalidInputException.class,
                        () -> reader.load(m)).oneLine());
        assertEquals(dir.resolve("none") + ": no sweep manifest here (sweep.yaml not found); give the folder that "
                + "'overparam sweep' created", assertThrows(InvalidInputException.class,
                        () -> reader.load(Files.createDirectories(dir.resolve("none")))).oneLine());
    }

    static int lineOf(String text, String part) {
        return text.substring(0, text.indexOf(part)).split("\n", -1).length;
    }

    static String indent(String spec) {
        return "    " + spec.strip().replace("\n", "\n    ");
    }

}
