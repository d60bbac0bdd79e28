package org.overparam.report.internal;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * How to draw one plot: a chart built for a budget of points per line, so that the PNG can be drawn
 * from more points than the SVG (see {@link Downsample}).
 */
@FunctionalInterface
interface Figure {
    /**
     * @param maxPoints the most points per line
     * @return the chart
     */
    Chart<?, ?> chart(int maxPoints);
}
