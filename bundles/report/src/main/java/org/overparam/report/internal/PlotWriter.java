package org.overparam.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.overparam.api.InvalidInputException;

/**
 * Writes each plot twice into one folder: {@code <name>.png} (XChart's bitmap encoder, from at most
 * {@link Downsample#PNG} points per line) and {@code <name>.svg} (VectorGraphics2D through XChart,
 * from at most {@link Downsample#SVG} points per line). Log axes get labelled decades
 * ({@link Charts#labelDecades}). Names are made file-safe and unique.
 */
final class PlotWriter {
    private final Path dir;
    private final Set<String> used = new HashSet<>();

    /** @param dir the plots folder (created on the first plot) */
    PlotWriter(Path dir) {
        this.dir = dir;
    }

    /** @return the plots folder */
    Path dir() {
        return dir;
    }

    /**
     * @param name the wished base name (characters other than letters, digits, '.', '_' and '-' become '_')
     * @param title the plot's title for the page
     * @param caption how to read it
     * @param figure the chart
     * @return the written plot, or {@code null} (nothing written) when the chart has no line to draw
     * @throws InvalidInputException if the folder cannot be written
     */
    Plot write(String name, String title, String caption, Figure figure) {
        Chart<?, ?> png = figure.chart(Downsample.PNG);
        if (png.getSeriesMap().isEmpty()) {
            return null;
        }
        Chart<?, ?> svg = figure.chart(Downsample.SVG);
        for (Chart<?, ?> c : java.util.List.of(png, svg)) {
            if (c instanceof org.knowm.xchart.XYChart xy) {
                Charts.labelDecades(xy);
            }
        }
        String base = unique(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(base + ".png"))) {
                BitmapEncoder.saveBitmap(png, out, BitmapEncoder.BitmapFormat.PNG);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(base + ".svg"))) {
                VectorGraphicsEncoder.saveVectorGraphic(svg, out,
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot write the plot " + base + ": " + e.getMessage());
        }
        return new Plot(base, title, caption);
    }

    private String unique(String base) {
        String b = base.isEmpty() ? "plot" : base;
        String name = b;
        for (int i = 2; !used.add(name); i++) {
            name = b + "-" + i;
        }
        return name;
    }
}
