package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: columns as wide as their widest cell, separated by two spaces; columns marked
 * numeric are right-aligned; trailing spaces are cut. Missing cells print as {@code -}.
 */
final class TextTable {
    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header the column titles
     * @param numeric which columns hold numbers (right-aligned)
     */
    TextTable(List<String> header, boolean[] numeric) {
        this.header = List.copyOf(header);
        this.numeric = numeric.clone();
    }

    /**
     * @param header the column titles
     * @return a table whose first column is text, the others numbers
     */
    static TextTable firstTextThenNumbers(List<String> header) {
        boolean[] numeric = new boolean[header.size()];
        for (int i = 1; i < numeric.length; i++) {
            numeric[i] = true;
        }
        return new TextTable(header, numeric);
    }

    /**
     * @param cells one row, as many cells as columns ({@code null} prints as {@code -})
     * @return this
     */
    TextTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
        }
        List<String> r = new ArrayList<>(cells.size());
        cells.forEach(c -> r.add(c == null || c.isEmpty() ? "-" : c));
        rows.add(r);
        return this;
    }

    /** @param out where to print the header and the rows */
    void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, header, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private void line(PrintStream out, List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            b.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + c : c + pad);
        }
        out.println(b.toString().stripTrailing());
    }
}
