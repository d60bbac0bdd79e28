package org.overparam.plugin.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ParamSpec;

/** Bad cells name file:line and the column; bad parameters name the parameter; all on one line. */
class CsvErrorsTest {
    @TempDir
    Path dir;

    private String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private static void expect(String where, String part, Object... keyValues) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvDatasetTest.load(1, keyValues));
        assertEquals(where, e.where(), e.oneLine());
        assertTrue(e.getMessage().contains(part), e.oneLine());
        assertTrue(e.oneLine().indexOf('\n') < 0, e.oneLine());
    }

    @Test
    void badCellsAndRowsNameFileAndLine() throws IOException {
        String f = write("a.csv", "x,age,y\n1,2,3\n\n4,abc,6\n");
        expect(f + ":4", "column 2 ('age'): 'abc' is not a number", "file", f);
        String g = write("b.csv", "x,y\n1,2\n3,4,5\n");
        expect(g + ":3", "this row has 3 cells but the header has 2", "file", g);
        String h = write("c.csv", "x;y\n1;2\n");
        expect("file", h + " has only the target column", "file", h);
        String h2 = write("c2.csv", "x,y\n1,2\n3;4\n");
        expect(h2 + ":3", "this row has 1 cells but the header has 2 (is the delimiter ',' right?)", "file", h2);
        String i = write("d.csv", "x,y\n1,\n");
        expect(i + ":2", "column 2 ('y') is empty", "file", i);
        String j = write("e.csv", "x,y\nNaN,1\n");
        expect(j + ":2", "column 1 ('x'): 'NaN' is not a number", "file", j);
        String k = write("f.csv", "x,y\n\"1,2\n");
        expect(k + ":2", "a quoted cell is not closed on its line", "file", k);
        String l = write("g.csv", "x,y\n");
        expect(l, "has no data rows below its header", "file", l);
    }

    @Test
    void missingFilesAndBadParameters() throws IOException {
        String missing = dir.resolve("none.csv").toString();
        expect("file", "'" + missing + "' not found", "file", missing);
        String f = write("a.csv", "width,height,y\n1,2,3\n4,5,6\n");
        expect("target", "no column named 'heigth' in " + f + " (did you mean 'height'?); columns: [width, height, y]",
                "file", f, "target", "heigth");
        expect("target", "column 3 is beyond the 3 columns", "file", f, "target", "3");
        expect("n", "n 3 is more than the 2 rows of " + f, "file", f, "n", 3L);
        expect("delimiter", "'::' is not one character", "file", f, "delimiter", "::");
        String t = write("t.csv", "width,y\n1,2\n");
        expect(t, "has columns [width, y] but " + f + " has [width, height, y]", "file", f, "testFile", t);
        String c = write("c.csv", "x,y\n1,a\n2,b\n");
        String ct = write("ct.csv", "x,y\n1,a\n2,z\n");
        expect(ct + ":3", "column 2 ('y'): class 'z' does not occur in the training rows [a, b]", "file", c,
                "testFile", ct, "task", "classification");
        String z = write("z.csv", "x1,x2,y\n0,0,1\n");
        expect(z + ":2", "all inputs are zero, so the row cannot be scaled to norm 1", "file", z);
    }

    @Test
    void schemaDocumentsEveryParameterAndOnlyTheFileIsRequired() {
        for (ParamSpec p : ParamSpec.of(new CsvDataset().configType())) {
            assertFalse(p.description().isBlank(), p.name());
            assertEquals(p.name().equals("file"), p.required(), p.name());
            if (!p.required()) {
                p.check(p.name(), p.defaultValue());
            }
        }
    }
}
