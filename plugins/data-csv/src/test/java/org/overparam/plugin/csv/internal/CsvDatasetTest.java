package org.overparam.plugin.csv.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.Task;

/** {@code csv} on small files: target choice, tasks, classes, quoting, delimiters, subsets, scaling. */
class CsvDatasetTest {
    @TempDir
    Path dir;

    String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    static Data load(long seed, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new CsvDataset().load(Config.of(m), RandomStream.of(seed));
    }

    @Test
    void regressionWithANamedTargetInTheMiddle() throws IOException {
        String f = write("r.csv", "a,y,b\n3,10.5,4\n\n0,-2,2\n1e0,.5,0\n");
        Data data = load(1, "file", f, "target", "y", "normalize", "none");
        assertEquals(Task.REGRESSION, data.task());
        assertEquals(Shape.of(2), data.train().inputShape());
        assertArrayEquals(new double[] {3, 4, 0, 2, 1, 0}, data.train().inputs(), 0);
        assertArrayEquals(new double[] {10.5, -2, 0.5}, data.train().targets(), 0);
        assertNull(data.train().labels());
        assertEquals(0, data.test().n());
        assertEquals(Math.sqrt(5), data.facts().get("delta"), 1e-12);
        Data unit = load(1, "file", f, "target", "1");
        assertArrayEquals(new double[] {0.6, 0.8, 0, 1, 1, 0}, unit.train().inputs(), 1e-15);
        assertEquals(1.0, unit.facts().get("max_norm"), 1e-15);
    }

    static java.util.List<String> notices(long seed, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        new CsvDataset().load(Config.of(m), RandomStream.of(seed), out::add);
        return out;
    }

    @Test
    void aNormalizationThatChangesRowsSaysSoOnce() throws IOException {
        String f = write("r.csv", "a,b,y\n3,4,1\n0,1,2\n1,0,3\n");
        String t = write("t.csv", "a,b,y\n0,2,1\n");
        assertEquals(java.util.List.of("normalize: unit changed 2 of 4 rows (by up to 0.800 of a row's norm);"
                + " normalize: none keeps the inputs as written"), notices(1, "file", f, "testFile", t));
        assertEquals(java.util.List.of(), notices(1, "file", f, "normalize", "none"));
        String unit = write("u.csv", "a,b,y\n0.6,0.8,1\n0,1,2\n-1,0,3\n");
        assertEquals(java.util.List.of(), notices(1, "file", unit), "rows of norm 1 within 1e-12 are not changed");
        assertEquals(1, notices(1, "file", f, "normalize", "standard").size());
    }

    @Test
    void classificationSortsNumericClassesByValueAndTextClassesByText() throws IOException {
        String f = write("c.csv", "x1,x2,label\n1,0,10\n0,1,2\n1,1,10\n2,1,9\n");
        Data data = load(1, "file", f, "task", "classification", "normalize", "none");
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(3, data.train().outputSize());
        assertArrayEquals(new int[] {2, 0, 2, 1}, data.train().labels(), "classes 2, 9, 10 in numeric order");
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0}, data.train().targets(), 0);
        assertEquals(3.0, data.facts().get("classes"));
        String g = write("g.csv", "label,x\ncat,1\ndog,2\nant,3\n");
        String gt = write("gt.csv", "label,x\ndog,5\nant,6\n");
        Data text = load(1, "file", g, "testFile", gt, "task", "classification", "target", "0", "normalize", "none");
        assertArrayEquals(new int[] {1, 2, 0}, text.train().labels());
        assertArrayEquals(new int[] {2, 0}, text.test().labels());
        assertArrayEquals(new double[] {5, 6}, text.test().inputs(), 0);
    }

    @Test
    void quotedCellsNoHeaderAndOtherDelimiters() throws IOException {
        String f = write("q.csv", "\uFEFF\"1.5\"; \"2\" ;3\n4;\"5\";6\n");
        Data data = load(1, "file", f, "header", false, "delimiter", ";", "normalize", "none", "target", "1");
        assertEquals(2, data.train().n());
        assertArrayEquals(new double[] {2, 5}, data.train().targets(), 0);
        assertArrayEquals(new double[] {1.5, 3, 4, 6}, data.train().inputs(), 0);
        String named = write("n.csv", "\"col;1\";\"y \"\"q\"\"\"\n1;2\n");
        Data quoted = load(1, "file", named, "delimiter", ";", "normalize", "none", "target", "y \"q\"");
        assertArrayEquals(new double[] {2}, quoted.train().targets(), 0);
        assertTrue(quoted.description().contains("target 'y \"q\"'"), quoted.description());
        String t = write("t.tsv", "a\tb\n1\t2\n3\t4\n");
        Data tab = load(1, "file", t, "delimiter", "tab", "normalize", "none");
        assertArrayEquals(new double[] {1, 3}, tab.train().inputs(), 0);
        assertArrayEquals(new double[] {2, 4}, tab.train().targets(), 0);
    }

    @Test
    void aSubsetIsSeededAndKeepsFileOrder() throws IOException {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            s.append(i).append(',').append(i * 2).append('\n');
        }
        String f = write("s.csv", s.toString());
        Data a = load(3, "file", f, "n", 10L, "normalize", "none");
        Data b = load(3, "file", f, "n", 10L, "normalize", "none");
        Data other = load(4, "file", f, "n", 10L, "normalize", "none");
        assertArrayEquals(a.train().inputs(), b.train().inputs(), 0);
        assertTrue(!java.util.Arrays.equals(a.train().inputs(), other.train().inputs()));
        double[] x = a.train().inputs();
        for (int i = 0; i < 10; i++) {
            assertEquals(2 * x[i], a.train().targets()[i], 0, "the target stays with its row");
            assertTrue(i == 0 || x[i] > x[i - 1], "file order");
        }
    }

    @Test
    void standardAndCenteredNormalizationUseTrainingStatisticsForTheTestRows() throws IOException {
        String f = write("a.csv", "x,z,y\n1,5,0\n3,5,0\n");
        String t = write("b.csv", "x,z,y\n5,7,1\n");
        Data data = load(1, "file", f, "testFile", t, "normalize", "standard");
        assertArrayEquals(new double[] {-1, 0, 1, 0}, data.train().inputs(), 0, "a constant column becomes 0");
        assertArrayEquals(new double[] {3, 0}, data.test().inputs(), 0);
        Data centered = load(1, "file", f, "testFile", t, "normalize", "centered");
        assertArrayEquals(new double[] {-1, 0, 1, 0}, centered.train().inputs(), 0, "mean (2, 5) subtracted, then norm 1");
        assertArrayEquals(new double[] {3 / Math.sqrt(13), 2 / Math.sqrt(13)}, centered.test().inputs(), 1e-15);
    }
}
