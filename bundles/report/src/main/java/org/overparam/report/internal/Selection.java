package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;

/** Which recorded steps a plot of series shows: a few, evenly spread, always the first and last. */
final class Selection {
    private Selection() {
    }

    /**
     * @param files one metric's files in step order
     * @param max the most to keep, at least 2
     * @return at most {@code max} of them, evenly spaced in index, the first and last included
     */
    static List<SeriesFile> steps(List<SeriesFile> files, int max) {
        List<SeriesFile> out = new ArrayList<>();
        for (int i : Downsample.even(files.size(), max)) {
            out.add(files.get(i));
        }
        return out;
    }
}
