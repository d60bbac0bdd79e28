package org.overparam.engine.internal.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * metrics.csv read back as histories: exactly the rows before a checkpoint's byte count, every value
 * bit for bit (NaN payloads aside: Double.toString prints every NaN as NaN), names with commas,
 * quotes and line breaks included.
 */
class MetricsCsvTest {
    @TempDir
    Path folder;

    @Test
    void theRowsBeforeTheCountComeBackBitForBit() throws IOException {
        Path file = folder.resolve("metrics.csv");
        double[] values = {3.5, -0.0, Double.MIN_VALUE, 1.0 / 3, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -1e300, 0.1 + 0.2};
        String odd = "ntk.\"gram\", layer\n2";
        long cut;
        try (MetricsWriter w = new MetricsWriter(file)) {
            for (int i = 0; i < values.length; i++) {
                w.record(i, "train.loss", values[i]);
                w.record(i, odd, values[i] + 1);
            }
            cut = w.bytes();
            w.record(values.length, "train.loss", 42.0);
            w.record(values.length, "later.only", 1.0);
        }
        Map<String, Series> h = MetricStore.histories(file, cut);
        assertEquals(List.of(odd, "train.loss"), List.copyOf(h.keySet()));
        long[] steps = new long[values.length];
        double[] shifted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            steps[i] = i;
            shifted[i] = values[i] + 1;
        }
        assertArrayEquals(steps, h.get("train.loss").steps());
        assertArrayEquals(bits(values), bits(h.get("train.loss").values()));
        assertArrayEquals(bits(shifted), bits(h.get(odd).values()));
        assertEquals(Map.of(), MetricStore.histories(file, MetricsCsv.HEADER.length()));
    }

    @Test
    void anEditedFileIsRefusedWithItsLine() throws IOException {
        Path file = folder.resolve("metrics.csv");
        String text = MetricsCsv.HEADER + "0,train.loss,1.5\n1,train.loss,one\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MetricStore.histories(file, text.length()));
        assertEquals(file + ":3", e.where());
        assertTrue(e.getMessage().contains("'1,train.loss,one'"), e.getMessage());
    }

    @Test
    void aGrowingFileReadFromItsLastOffsetGivesEachRowOnceAndStopsBeforeACutRow() throws IOException {
        Path file = folder.resolve("metrics.csv");
        String odd = "ntk.\"gram\", layer\n2";
        String first = MetricsCsv.HEADER + MetricsCsv.row(0, "train.loss", 1.5) + MetricsCsv.row(0, odd, 2.5);
        Files.writeString(file, first + "1,train.lo", StandardCharsets.UTF_8);
        List<String> rows = new java.util.ArrayList<>();
        MetricsCsv.Rows add = (step, name, value) -> rows.add(step + " " + name + " " + value);
        long end = MetricsCsv.readFrom(file, 0, 1, add);
        assertEquals(first.getBytes(StandardCharsets.UTF_8).length, end, "up to the end of the last whole row");
        assertEquals(List.of("0 train.loss 1.5", "0 " + odd + " 2.5"), rows);

        Files.writeString(file, first + MetricsCsv.row(1, "train.loss", 0.5) + MetricsCsv.row(1, odd, 0.25)
                + "2,\"ntk.", StandardCharsets.UTF_8);
        rows.clear();
        long next = MetricsCsv.readFrom(file, end, 4, add);
        assertEquals(List.of("1 train.loss 0.5", "1 " + odd + " 0.25"), rows, "only the rows after the offset");
        assertEquals(Files.size(file) - "2,\"ntk.".length(), next);
        assertEquals(next, MetricsCsv.readFrom(file, next, 6, add), "nothing new: the offset stays");
        assertEquals(2, rows.size());

        Files.writeString(file, first + "1,train.loss,one\n", StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MetricsCsv.readFrom(file, end, 5, add));
        assertEquals(file + ":5", e.where(), "the line at the offset: after the header and two rows, one of them"
                + " on two lines");
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
