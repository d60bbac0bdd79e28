package org.overparam.report.internal;

/**
 * The coordinates of the {@code slices} analyzer's grids: {@code count} values evenly spaced on
 * {@code [from, to]}, as the analyzer makes them (its series and matrices do not carry them).
 */
final class SliceGrid {
    private SliceGrid() {
    }

    /**
     * @param from the first value
     * @param to the last value
     * @param count the number of values (1 gives {@code from})
     * @return the grid
     */
    static double[] grid(double from, double to, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        return g;
    }
}
