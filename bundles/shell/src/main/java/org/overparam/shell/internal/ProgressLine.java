package org.overparam.shell.internal;

/**
 * The one line a terminal shows while a run goes, redrawn in place with {@code '\r'}:
 * <pre>{@code
 * run 3/12  [=============>                ]  45%  step 900/2000  loss 3.142e-04  850 steps/s  ETA 0:01  sweep ETA 2:05
 * }</pre>
 * A pure function of its inputs (no clock, no terminal), so its text can be checked. The bar is
 * ASCII ({@code [=>  ]}): it prints the same in any console encoding. The line is cut to fit
 * {@code columns - 1} characters, so the terminal never wraps it (a wrapped line cannot be redrawn
 * with {@code '\r'}): first the bar shrinks (to 10 cells, then it goes), then the end is cut.
 */
final class ProgressLine {
    /** The widest bar, in cells. */
    static final int BAR = 30;
    /** The narrowest bar worth drawing. */
    static final int MIN_BAR = 10;

    private ProgressLine() {
    }

    /**
     * @param prefix what comes first, e.g. {@code run 3/12}; may be empty
     * @param step the steps taken
     * @param total the step budget (0 or less: unknown, no bar or percentage)
     * @param loss the latest training loss
     * @param stepsPerSecond the speed (NaN or 0: unknown, no speed or ETA)
     * @param suffix what comes last, e.g. {@code sweep ETA 2:05}; may be empty
     * @param columns the terminal's width in characters
     * @return the line, at most {@code columns - 1} characters
     */
    static String render(String prefix, long step, long total, double loss, double stepsPerSecond, String suffix,
                         int columns) {
        StringBuilder rest = new StringBuilder();
        if (total > 0) {
            rest.append(String.format(java.util.Locale.ROOT, "%4d%%", percent(step, total)));
        }
        rest.append("  step ").append(step);
        if (total > 0) {
            rest.append('/').append(total);
        }
        rest.append("  loss ").append(Formats.loss(loss));
        if (stepsPerSecond > 0) {
            rest.append("  ").append(Formats.rate(stepsPerSecond)).append(" steps/s");
            if (total > step) {
                rest.append("  ETA ").append(Formats.clock((total - step) / stepsPerSecond));
            }
        }
        if (!suffix.isEmpty()) {
            rest.append("  ").append(suffix);
        }
        String head = prefix.isEmpty() ? "" : prefix + "  ";
        int room = columns - 1 - head.length() - rest.length() - 2;
        String bar = total > 0 && room >= MIN_BAR ? bar(step / (double) total, Math.min(BAR, room)) : "";
        String line = head + bar + (bar.isEmpty() ? rest.toString().stripLeading() : rest.toString());
        return line.length() > columns - 1 ? line.substring(0, Math.max(0, columns - 1)) : line;
    }

    /**
     * @param fraction the part done, clamped to [0, 1]
     * @param cells the cells inside the brackets, at least 1
     * @return e.g. {@code [=====>    ]}: '=' for each full cell, '>' at the head until the end
     */
    static String bar(double fraction, int cells) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int full = (int) Math.floor(f * cells);
        StringBuilder b = new StringBuilder(cells + 2).append('[');
        b.append("=".repeat(full));
        if (full < cells) {
            b.append('>').append(" ".repeat(cells - full - 1));
        }
        return b.append(']').toString();
    }

    /** @return the whole percent done, 0 to 100 */
    static long percent(long step, long total) {
        return Math.max(0, Math.min(100, step * 100 / total));
    }

    /**
     * @param columns the {@code COLUMNS} environment variable, or {@code null}
     * @return its value when it is a number from 20 to 1000, else 80
     */
    static int columns(String columns) {
        try {
            int c = columns == null ? 80 : Integer.parseInt(columns.strip());
            return c >= 20 && c <= 1000 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
