package org.overparam.plugin.csv.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.overparam.api.InvalidInputException;

/**
 * A CSV file read as text cells (RFC 4180: cells separated by one delimiter character, a cell in
 * double quotes may hold the delimiter and {@code ""} for a quote; a quoted cell must close on its
 * own line). Cells are trimmed, blank lines skipped, a UTF-8 byte-order mark ignored. Every row
 * must have as many cells as the first (the header, if there is one); each row remembers its line
 * number for messages {@code file:line}.
 *
 * @param file the file, as named by the user
 * @param names the column names: the header's, or {@code 0, 1, ...} without a header
 * @param rows the data rows' cells
 * @param lines each data row's line number, from 1
 */
record Table(String file, List<String> names, List<String[]> rows, int[] lines) {

    /**
     * @param file the file as the user named it (the experiment reader made a relative path absolute)
     * @param delimiter the cell separator
     * @param header whether the first non-blank line names the columns
     * @param param the parameter naming the file, for a missing file
     * @return the table
     * @throws InvalidInputException naming the file (missing, unreadable, not UTF-8) or {@code file:line}
     *     (a ragged row, an unclosed quote)
     */
    static Table read(String file, char delimiter, boolean header, String param) {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException(param, "'" + file + "' is not a valid path: " + e.getReason());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(param, "'" + file + "' " + (Files.exists(path) ? "is not a file"
                    : "not found (a relative path in an experiment file starts at that file's folder)"));
        }
        List<String> names = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            int width = -1;
            while ((line = in.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line, delimiter, file + ":" + no);
                if (width < 0) {
                    width = cells.length;
                    if (header) {
                        names = List.of(cells);
                        continue;
                    }
                } else if (cells.length != width) {
                    throw new InvalidInputException(file + ":" + no, "this row has " + cells.length + " cells but "
                            + (header ? "the header has " : "the first row has ") + width
                            + (cells.length == 1 && line.indexOf(delimiter) < 0 ? " (is the delimiter '"
                            + printable(delimiter) + "' right?)" : ""));
                }
                rows.add(cells);
                lines.add(no);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file, "file not found");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(file, "cannot be read: " + e);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file, "has no data rows" + (header ? " below its header" : ""));
        }
        if (names == null) {
            List<String> n = new ArrayList<>();
            for (int j = 0; j < rows.get(0).length; j++) {
                n.add(Integer.toString(j));
            }
            names = List.copyOf(n);
        }
        int[] l = new int[lines.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = lines.get(i);
        }
        return new Table(file, names, rows, l);
    }

    /** @return the number of columns */
    int columns() {
        return names.size();
    }

    /**
     * @param row a data row
     * @return its location {@code file:line}
     */
    String at(int row) {
        return file + ":" + lines[row];
    }

    /**
     * @param column a column
     * @return its description for messages, e.g. {@code column 3 ('age')}
     */
    String column(int column) {
        return "column " + (column + 1) + " ('" + names.get(column) + "')";
    }

    private static String[] split(String line, char delimiter, String where) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new InvalidInputException(where, "a quoted cell is not closed on its line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) != delimiter) {
                    if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                        throw new InvalidInputException(where, "text after a quoted cell: " + line.substring(i));
                    }
                    i++;
                }
            } else {
                while (i < line.length() && line.charAt(i) != delimiter) {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString().strip());
            cell.setLength(0);
            if (i >= line.length()) {
                return cells.toArray(new String[0]);
            }
            i++;
        }
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }
}
