package org.overparam.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The house style of report plots (900 x 520 px, white, readable fonts, legend inside or to the
 * right) and helpers to add lines that respect a point budget and a log axis.
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;
    /** Lines with at most this many points also get markers. */
    private static final int MARKERS_UP_TO = 60;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** The colour scale of heat maps and contour levels, low to high (turbo). */
    static final Color[] HEAT = {new Color(0x30123b), new Color(0x4686fb), new Color(0x1ae4b6),
        new Color(0xa2fc3c), new Color(0xfabb39), new Color(0xe4460a), new Color(0x7a0403)};

    private Charts() {
    }

    /**
     * @param title the chart's title
     * @param xTitle the x axis title with its unit
     * @param yTitle the y axis title with its unit
     * @param logX a logarithmic x axis
     * @param logY a logarithmic y axis
     * @return an empty line chart in the house style
     */
    static XYChart xy(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler s = c.getStyler();
        style(s);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setSeriesColors(PALETTE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setXAxisDecimalPattern(logX ? "0.#E0" : null);
        c.getStyler().setYAxisDecimalPattern(logY ? "0.#E0" : null);
        return c;
    }

    /**
     * @param title the chart's title
     * @param xTitle the x axis title (columns)
     * @param yTitle the y axis title (rows)
     * @param x the column coordinates
     * @param y the row coordinates
     * @param z the values, {@code z[row][column]}
     * @return a heat map with a colour scale
     */
    static HeatMapChart heat(String title, String xTitle, String yTitle, double[] x, double[] y, double[][] z) {
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 120).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setShowValue(false);
        c.getStyler().setPiecewise(false);
        c.getStyler().setRangeColors(HEAT);
        c.getStyler().setHeatMapDecimalValueFormatter(Format::number);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                if (Double.isFinite(z[i][j])) {
                    cells.add(new Number[] {j, i, z[i][j]});
                    min = Math.min(min, z[i][j]);
                    max = Math.max(max, z[i][j]);
                }
            }
        }
        if (min <= max) {
            // the colour scale's ends are printed as plain doubles: round them outwards to 3 digits
            c.getStyler().setMin(round(min, java.math.RoundingMode.FLOOR));
            c.getStyler().setMax(round(max > min ? max : min + 1, java.math.RoundingMode.CEILING));
            double big = Math.max(Math.abs(min), Math.abs(max));
            c.getStyler().setHeatMapValueDecimalPattern(big >= 1e-2 && big < 1e4 ? "0.###" : "0.##E0");
        }
        if (x.length > 11) {
            c.getStyler().setXAxisLabelRotation(90);
        }
        c.addSeries("value", labels(x), labels(y), cells);
        return c;
    }

    /**
     * Adds a line, thinned to {@code max} points, keeping only the points a log y axis can show.
     *
     * @param c the chart
     * @param name the legend entry (made unique in the chart)
     * @param x the abscissae
     * @param y the values
     * @param max the point budget
     * @param overSteps whether x are steps (log-spaced thinning) or another quantity (even thinning)
     * @return the series, or {@code null} if no point was left
     */
    static XYSeries line(XYChart c, String name, double[] x, double[] y, int max, boolean overSteps) {
        boolean logX = c.getStyler().isXAxisLogarithmic();
        boolean logY = c.getStyler().isYAxisLogarithmic();
        int n = 0;
        double[] fx = new double[x.length];
        double[] fy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0) && (!logY || y[i] > 0)) {
                fx[n] = x[i];
                fy[n++] = y[i];
            }
        }
        if (n == 0) {
            return null;
        }
        fx = java.util.Arrays.copyOf(fx, n);
        fy = java.util.Arrays.copyOf(fy, n);
        int[] idx = overSteps ? Downsample.overSteps(fx, max) : Downsample.even(n, max);
        XYSeries s = c.addSeries(unique(c, name), Downsample.pick(fx, idx), Downsample.pick(fy, idx));
        s.setMarker(idx.length <= MARKERS_UP_TO ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.6f));
        return s;
    }

    /**
     * @param c a chart
     * @param s a series of it
     * @param color its colour
     * @param dashed whether to draw it dashed
     */
    static void stroke(XYChart c, XYSeries s, Color color, boolean dashed) {
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineStyle(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 5f}, 0f) : new BasicStroke(1.6f));
    }

    /**
     * Draws error bars from {@code lo} to {@code hi} at each point of a series, in its colour, as
     * vertical segments left out of the legend (XChart's own bars are symmetric: y ± e, which a log
     * axis cannot show for a spread taken in log space).
     *
     * @param c the chart
     * @param s the series the bars belong to
     * @param x its abscissae
     * @param lo the bars' lower ends
     * @param hi their upper ends
     */
    static void bars(XYChart c, XYSeries s, double[] x, double[] lo, double[] hi) {
        int shown = (int) c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
        Color color = PALETTE[Math.max(0, shown - 1) % PALETTE.length];
        s.setLineColor(color);
        s.setMarkerColor(color);
        for (int i = 0; i < x.length; i++) {
            if (!(hi[i] > lo[i]) || (c.getStyler().isYAxisLogarithmic() && !(lo[i] > 0))) {
                continue;
            }
            XYSeries bar = c.addSeries(unique(c, s.getName() + " bar " + i), new double[] {x[i], x[i]},
                    new double[] {lo[i], hi[i]});
            bar.setShowInLegend(false);
            bar.setMarker(SeriesMarkers.NONE);
            bar.setMarkerColor(color);
            bar.setLineColor(color);
            bar.setLineStyle(new BasicStroke(1.4f));
        }
    }

    /**
     * Makes the x axis of a chart end at the data: from {@code lo} to {@code hi}. A log axis that
     * spans less than two decades then also labels 2, 3, ... 9 times each power of ten, so it carries
     * numbers between its ends.
     *
     * @param c the chart
     * @param lo the smallest abscissa
     * @param hi the largest
     */
    static void endAtData(XYChart c, double lo, double hi) {
        if (!(lo < hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            return;
        }
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        if (c.getStyler().isXAxisLogarithmic() && decadesWithin(lo, hi) < 2) {
            c.getStyler().setXAxisLogarithmicDecadeOnly(false);
            if (lo >= 1 && hi < 1e6) {
                c.getStyler().setXAxisDecimalPattern("0"); // 200, 300 ... rather than 2E2, 3E2
            }
        }
    }

    /**
     * Widens a log y axis that would show fewer than two labelled powers of ten (XChart labels only
     * the decades of a log axis) to the decades enclosing its data, error bars included, so the axis
     * always carries numbers; a log x axis instead ends at the data ({@link #endAtData}), labelled
     * between the decades. Call it once every series is added.
     *
     * @param c the chart
     */
    static void labelDecades(XYChart c) {
        if (c.getStyler().isYAxisLogarithmic()) {
            double[] r = range(c, false);
            if (decadesWithin(r[0], r[1]) < 2) {
                c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(r[0]))));
                c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(r[1]))));
            }
        }
        if (c.getStyler().isXAxisLogarithmic() && c.getStyler().getXAxisMin() == null) {
            double[] r = range(c, true);
            endAtData(c, r[0], r[1]);
        }
    }

    /** @return the number of powers of ten in [lo, hi] (0 when the range is empty or not positive) */
    static int decadesWithin(double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
            return 0;
        }
        return (int) (Math.floor(Math.log10(hi) + 1e-12) - Math.ceil(Math.log10(lo) - 1e-12) + 1);
    }

    private static double[] range(XYChart c, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.getSeriesMap().values()) {
            double[] v = x ? s.getXData() : s.getYData();
            double[] e = x ? null : s.getExtraValues();
            for (int i = 0; i < v.length; i++) {
                double err = e == null ? 0 : e[i];
                if (v[i] - err > 0 && Double.isFinite(v[i])) {
                    lo = Math.min(lo, v[i] - err);
                }
                if (Double.isFinite(v[i] + err)) {
                    hi = Math.max(hi, v[i] + err);
                }
            }
        }
        return new double[] {lo, hi};
    }

    static String unique(XYChart c, String name) {
        String out = name;
        for (int i = 2; c.getSeriesMap().containsKey(out); i++) {
            out = name + " (" + i + ")";
        }
        return out;
    }

    private static double round(double v, java.math.RoundingMode mode) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(3, mode)).doubleValue();
    }

    private static List<String> labels(double[] v) {
        List<String> out = new ArrayList<>(v.length);
        for (double d : v) {
            String t = Format.short2(d);
            out.add(out.contains(t) ? Format.number(d) : t);
        }
        return out;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleBoxBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setChartPadding(12);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
    }
}
