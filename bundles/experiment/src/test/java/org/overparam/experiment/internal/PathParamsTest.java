package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Path parameters resolve against the folder of the file that names them, whatever the working
 * folder (the tests run in the module's folder, which holds none of these files).
 */
class PathParamsTest {
    static final String BODY = """
            architecture: fc
            initializer: ntk
            loss: squared
            optimizer: gd
            stop: {maxSteps: 10}
            """;

    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry(), name -> null, ShippedFragments.load());

    Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    Map<String, Object> dataset(Path file, String... overrides) {
        RunSpec s = reader.read(file, List.of(overrides));
        return s.component(ComponentKind.DATASET).config().values();
    }

    @Test
    void relativeFilesResolveAgainstTheExperimentFilesFolder() throws IOException {
        Path data = write("exp/data/train.csv", "x,y\n1,2\n");
        write("exp/test.csv", "x,y\n1,2\n");
        Path f = write("exp/run.yaml", "dataset: {name: csv, file: data/train.csv, testFile: ../exp/test.csv,"
                + " cacheDir: cache}\n" + BODY);
        assertFalse(Files.exists(Path.of("data/train.csv").toAbsolutePath()), "the working folder must not hold it");
        Map<String, Object> v = dataset(f);
        assertEquals(data.toAbsolutePath().normalize().toString(), v.get("file"));
        assertEquals(dir.resolve("exp/test.csv").toAbsolutePath().normalize().toString(), v.get("testFile"));
        assertEquals(dir.resolve("exp/cache").toAbsolutePath().normalize().toString(), v.get("cacheDir"));
    }

    @Test
    void absolutePathsAndEmptyOptionalFilesAreKept() throws IOException {
        Path data = write("elsewhere/train.csv", "x,y\n1,2\n");
        Path f = write("exp/run.yaml", "dataset: {name: csv, file: '" + data.toAbsolutePath() + "'}\n" + BODY);
        Map<String, Object> v = dataset(f);
        assertEquals(data.toAbsolutePath().toString(), v.get("file"));
        assertEquals("", v.get("testFile"));
    }

    @Test
    void aValueInAnIncludedFileResolvesAgainstThatFilesFolder() throws IOException {
        Path data = write("shared/data/train.csv", "x,y\n1,2\n");
        write("shared/data.yaml", "dataset: {name: csv, file: data/train.csv}\n");
        Path f = write("exp/run.yaml", "include: ../shared/data.yaml\n" + BODY);
        assertEquals(data.toAbsolutePath().normalize().toString(), dataset(f).get("file"));
    }

    @Test
    void aCommandLineValueResolvesAgainstTheWorkingFolder() throws IOException {
        write("exp/train.csv", "x,y\n1,2\n");
        Path f = write("exp/run.yaml", "dataset: {name: csv, file: train.csv}\n" + BODY);
        Path absolute = dir.resolve("exp/train.csv").toAbsolutePath();
        Path relativeToWorkingFolder = Path.of("").toAbsolutePath().relativize(absolute);
        assertEquals(absolute.normalize().toString(), dataset(f, "dataset.file=" + relativeToWorkingFolder).get("file"));
        String e = assertThrows(InvalidInputException.class, () -> dataset(f, "dataset.file=train.csv")).oneLine();
        assertTrue(e.startsWith("override 'dataset.file=train.csv': dataset.file: file 'train.csv' not found (looked for "
                + Path.of("train.csv").toAbsolutePath()), e);
    }

    @Test
    void sweptFilesResolveAgainstTheExperimentFilesFolder() throws IOException {
        write("exp/a.csv", "x,y\n1,2\n");
        write("exp/b.csv", "x,y\n1,2\n");
        Path f = write("exp/run.yaml", "dataset: {name: csv, file: a.csv}\nsweep:\n  dataset.file: [a.csv, b.csv]\n" + BODY);
        List<String> files = reader.expand(f, List.of(), List.of()).points().stream()
                .map(p -> (String) p.spec().component(ComponentKind.DATASET).config().get("file")).toList();
        assertEquals(List.of(dir.resolve("exp/a.csv").toAbsolutePath().normalize().toString(),
                dir.resolve("exp/b.csv").toAbsolutePath().normalize().toString()), files);
    }

    @Test
    void aMissingFileNamesTheParameterAndItsLine() throws IOException {
        Path f = write("exp/run.yaml", BODY + "dataset:\n  name: csv\n  file: nope.csv\n");
        String e = assertThrows(InvalidInputException.class, () -> dataset(f)).oneLine();
        assertEquals(f + ":8: dataset.file: file 'nope.csv' not found (looked for "
                + dir.resolve("exp/nope.csv").toAbsolutePath().normalize()
                + "; relative paths start at the folder of the file that names them)", e);
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Files.createDirectories(dir.resolve("exp/data"));
        Path f = write("exp/run.yaml", "dataset: {name: csv, file: data}\n" + BODY);
        String e = assertThrows(InvalidInputException.class, () -> dataset(f)).oneLine();
        assertTrue(e.contains("dataset.file: 'data' is a folder, not a file"), e);
    }

    @Test
    void aTensorSuffixIsKeptAndNotPartOfThePath() throws IOException {
        write("exp/w.safetensors", "x");
        assertEquals(dir.resolve("exp/w.safetensors").toAbsolutePath().normalize() + "#V",
                PathParams.resolve("w.safetensors#V", dir.resolve("exp/run.yaml") + ":3", "initializer.hiddenFile", true));
    }

    @Test
    void folderOfALocation() {
        assertEquals(Path.of("a/b").toAbsolutePath(), PathParams.folder("a/b/c.yaml:12"));
        assertEquals(Path.of("a/b").toAbsolutePath(), PathParams.folder("a/b/c.yaml:12: sweep.x"));
        assertEquals(null, PathParams.folder("override 'dataset.file=x'"));
        assertEquals(null, PathParams.folder(FragmentLibrary.SHIPPED + "dataset/x.yaml:2"));
        assertTrue(PathParams.isPath("testFile") && PathParams.isPath("dir") && !PathParams.isPath("path"));
    }
}
