package org.overparam.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;

/**
 * One file of a run's {@code series/} folder, {@code <label>.<name>-step<k>.csv}: an analyzer's
 * series (header {@code x,y}, one row per point) or matrix (one line of comma-separated values per
 * row, no header) recorded at step {@code k}.
 *
 * @param metric the full name, e.g. {@code hessian.density} or {@code slices.random2d}
 * @param step the step it was recorded at
 * @param file the file
 */
record SeriesFile(String metric, long step, Path file) {
    private static final Pattern NAME = Pattern.compile("(.+)-step(\\d+)\\.csv");

    /**
     * @param file a file in {@code series/}
     * @return it, or {@code null} if its name does not follow {@code <metric>-step<k>.csv}
     */
    static SeriesFile parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        try {
            return new SeriesFile(m.group(1), Long.parseLong(m.group(2)), file);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return whether the file is a series (its first line is {@code x,y}) rather than a matrix */
    boolean isSeries() {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.strip().equals("x,y")).orElse(false);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * @return {@code {x, y}} of a series
     * @throws InvalidInputException naming {@code file:line} of a malformed row
     */
    double[][] xy() {
        List<double[]> rows = rows(1);
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != 2) {
                throw new InvalidInputException(file + ":" + (i + 2), "expected 'x,y'");
            }
            out[0][i] = rows.get(i)[0];
            out[1][i] = rows.get(i)[1];
        }
        return out;
    }

    /**
     * @return the matrix, {@code [row][column]}
     * @throws InvalidInputException naming {@code file:line} of a malformed or ragged row
     */
    double[][] matrix() {
        List<double[]> rows = rows(0);
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).length != rows.get(0).length) {
                throw new InvalidInputException(file + ":" + (i + 1), "row " + i + " has " + rows.get(i).length
                        + " values, row 0 has " + rows.get(0).length);
            }
        }
        return rows.toArray(new double[0][]);
    }

    private List<double[]> rows(int skip) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage());
        }
        List<double[]> out = new ArrayList<>();
        for (int i = skip; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file + ":" + (i + 1), "'" + cells[j] + "' is not a number");
                }
            }
            out.add(row);
        }
        return out;
    }
}
