package org.overparam.engine.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;

/**
 * The run folder's codec: metrics.csv rows written by {@link MetricsCsv#row} read back by
 * {@link MetricsCsv#read} (odd names, a row cut off by a writer still at work, blank lines, a cut at a
 * byte count), its errors located at {@code file:line}, and result.json built by {@link ResultJson}
 * read back field by field.
 */
class RunFolderCodecTest {
    @TempDir
    Path dir;

    private record Row(long step, String metric, double value) {
    }

    private List<Row> read(Path file, long length) {
        List<Row> rows = new ArrayList<>();
        MetricsCsv.read(file, length, (s, m, v) -> rows.add(new Row(s, m, v)));
        return rows;
    }

    @Test
    void rowsComeBackWithOddNamesAndTheCutOffLastRowSkipped() throws IOException {
        Path file = dir.resolve(RunFileNames.METRICS);
        String odd = "ntk.\"gram\", layer\n2";
        String text = MetricsCsv.HEADER + MetricsCsv.row(0, "train.loss", 0.1 + 0.2) + "\n"
                + MetricsCsv.row(0, odd, -0.0) + MetricsCsv.row(7, "train.loss", Double.NaN) + "8,train.lo";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertEquals(List.of(new Row(0, "train.loss", 0.30000000000000004), new Row(0, odd, -0.0),
                new Row(7, "train.loss", Double.NaN)), read(file, Long.MAX_VALUE));
        long cut = (MetricsCsv.HEADER + MetricsCsv.row(0, "train.loss", 0.1 + 0.2)).length();
        assertEquals(List.of(new Row(0, "train.loss", 0.30000000000000004)), read(file, cut));
        assertEquals(List.of(), read(file, 0));
        assertEquals("\"a,b\"", MetricsCsv.field("a,b"));
        assertEquals("7,x,1.5E-300\n", MetricsCsv.row(7, "x", 1.5e-300));
    }

    @Test
    void aWrongHeaderOrRowIsAnErrorAtItsLine() throws IOException {
        Path file = dir.resolve(RunFileNames.METRICS);
        Files.writeString(file, "step,value\n0,1.0\n", StandardCharsets.UTF_8);
        InvalidInputException header = assertThrows(InvalidInputException.class, () -> read(file, Long.MAX_VALUE));
        assertEquals(file + ":1", header.where());
        Files.writeString(file, MetricsCsv.HEADER + "0,train.loss,1.5\n1,train.loss\n", StandardCharsets.UTF_8);
        InvalidInputException row = assertThrows(InvalidInputException.class, () -> read(file, Long.MAX_VALUE));
        assertEquals(file + ":3", row.where());
        assertTrue(row.getMessage().contains("'1,train.loss'"), row.getMessage());
    }

    @Test
    void resultJsonReadsBackItsFields() throws IOException {
        String json = new ResultJson().text("id", "r-1").text("status", "CONVERGED").number("steps", 120)
                .number("loss", 9.75e-7).text("message", "converged: \"loss\" \\ target")
                .object("metrics", Map.of("train.loss", 9.75e-7)).build();
        Files.writeString(dir.resolve(RunFileNames.RESULT), json, StandardCharsets.UTF_8);
        String read = ResultJson.read(dir);
        assertEquals("CONVERGED", ResultJson.status(read));
        assertEquals(120, ResultJson.steps(read));
        assertEquals(9.75e-7, ResultJson.loss(read));
        assertEquals("converged: \"loss\" \\ target", ResultJson.message(read));
        String failed = new ResultJson().text("status", "FAILED").number("loss", Double.NaN).build();
        assertTrue(Double.isNaN(ResultJson.loss(failed)));
        assertEquals(-1, ResultJson.steps(failed));
        assertEquals("", ResultJson.read(dir.resolve("nothing")));
        assertNull(ResultJson.status(""));
    }
}
