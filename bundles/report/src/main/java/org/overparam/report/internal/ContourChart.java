package org.overparam.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Contour plots in the house style ({@link Charts}), from the lines {@link Contours} computes. */
final class ContourChart {
    private ContourChart() {
    }

    /**
     * A contour plot: XChart has none, so the lines are computed ({@link Contours}) and drawn as
     * line series, coloured from low (dark blue) to high (dark red) like the heat map, with the
     * centre of the grid marked.
     *
     * @param title the chart's title
     * @param xTitle the x axis title (columns)
     * @param yTitle the y axis title (rows)
     * @param x the column coordinates, increasing
     * @param y the row coordinates, increasing
     * @param z the values, {@code z[row][column]}
     * @param levels how many levels, evenly spaced between the smallest and largest finite value
     * @return the chart
     */
    static XYChart of(String title, String xTitle, String yTitle, double[] x, double[] y, double[][] z,
                           int levels) {
        XYChart c = Charts.xy(title, xTitle, yTitle, false, false);
        c.getStyler().setMarkerSize(12);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min < max) {
            double[] at = Contours.levels(min, max, levels);
            for (int k = 0; k < at.length; k++) {
                Contours.Line line = Contours.line(x, y, z, at[k]);
                if (line.segments() == 0) {
                    continue;
                }
                XYSeries s = c.addSeries(Charts.unique(c, Format.number(at[k])), line.x(), line.y());
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(ramp((double) k / Math.max(1, at.length - 1)));
                s.setLineStyle(new BasicStroke(1.6f));
            }
        }
        double cx = x.length == 0 ? 0 : (x[0] + x[x.length - 1]) / 2;
        double cy = y.length == 0 ? 0 : (y[0] + y[y.length - 1]) / 2;
        XYSeries centre = c.addSeries("current point", new double[] {cx}, new double[] {cy});
        centre.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        centre.setMarker(SeriesMarkers.CROSS);
        centre.setMarkerColor(Color.BLACK);
        return c;
    }

    /**
     * @param t in [0, 1]
     * @return the colour at t on the heat map's scale
     */
    private static Color ramp(double t) {
        Color[] stops = Charts.HEAT;
        double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) u);
        double f = u - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
