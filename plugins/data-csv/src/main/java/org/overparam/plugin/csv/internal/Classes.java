package org.overparam.plugin.csv.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.overparam.api.InvalidInputException;

/**
 * The classes of a classification target column: its distinct cell values over the training rows,
 * sorted numerically when every value is a number (so {@code 2} comes before {@code 10}) and by
 * text otherwise. Class {@code j} of the data is the {@code j}-th value in that order.
 */
final class Classes {
    private Classes() {
    }

    /**
     * @param t the training table
     * @param rows the rows used
     * @param target the target column
     * @return the class values in class order
     * @throws InvalidInputException at the first row whose target cell is empty
     */
    static List<String> of(Table t, int[] rows, int target) {
        boolean numeric = true;
        TreeSet<String> values = new TreeSet<>();
        for (int r : rows) {
            String v = t.rows().get(r)[target];
            if (v.isEmpty()) {
                throw new InvalidInputException(t.at(r), t.column(target) + " is empty: every row needs a class");
            }
            values.add(v);
            numeric &= v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        }
        List<String> out = new ArrayList<>(values);
        if (numeric) {
            out.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return out;
    }
}
