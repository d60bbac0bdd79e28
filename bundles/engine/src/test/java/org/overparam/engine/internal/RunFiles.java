package org.overparam.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a run folder's files back in tests. */
public final class RunFiles {
    /**
     * One row of metrics.csv.
     *
     * @param step the step
     * @param metric the full name
     * @param value the value
     */
    record Row(long step, String metric, double value) {
    }

    private RunFiles() {
    }

    /**
     * @param dir a run folder
     * @return the rows of its metrics.csv, header checked and dropped
     */
    static List<Row> metrics(Path dir) {
        List<String> lines = lines(dir.resolve("metrics.csv"));
        if (!lines.get(0).equals("step,metric,value")) {
            throw new IllegalStateException("bad header " + lines.get(0));
        }
        List<Row> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            rows.add(new Row(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2])));
        }
        return rows;
    }

    /**
     * @param rows metrics rows
     * @param metric a name
     * @return that metric's rows in order
     */
    static List<Row> of(List<Row> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).toList();
    }

    /**
     * @param file a text file
     * @return its lines
     */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a text file
     * @return its content
     */
    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param dir a folder
     * @return the paths of every file under it, relative and sorted
     */
    static List<String> tree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param dir a folder
     * @return the names of its entries (empty if it does not exist)
     */
    public static List<String> entries(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
