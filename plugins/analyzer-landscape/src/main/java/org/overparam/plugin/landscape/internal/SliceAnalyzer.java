package org.overparam.plugin.landscape.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Sizes;
import org.overparam.api.Snapshot;

/**
 * The analyzer {@code slices}: the training loss along lines and planes through the current point
 * {@code w} (Li et al., arXiv 1712.09913; Goodfellow, Vinyals, Saxe, arXiv 1412.6544).
 * <ul>
 *   <li>series {@code random1d}: {@code F(w + alpha d1)} against alpha, {@code steps1d} values
 *       evenly spaced on {@code [-range, range]};</li>
 *   <li>matrix {@code random2d}: {@code F(w + alpha_i d1 + beta_j d2)}, {@code steps2d x steps2d},
 *       row i for {@code alpha_i}, column j for {@code beta_j}, both on the same grid as above;</li>
 *   <li>series {@code interpolation}: {@code F(w0 + alpha (w - w0))} from the initial point
 *       {@code w0} (alpha = 0) to {@code w} (alpha = 1), alpha on
 *       {@code [interpolationFrom, interpolationTo]}; and {@code barrier}, the largest rise of those
 *       values with alpha in [0, 1] above the chord {@code (1 - alpha) F(w0) + alpha F(w)} (0 or
 *       below: the path from initialization is convex at the grid's points). Skipped while
 *       {@code w = w0}.</li>
 * </ul>
 * {@code d1}, {@code d2} are {@link FilterNormalization filter-normalized} Gaussian directions drawn
 * from the analyzer's stream derived as {@code slice.d1} and {@code slice.d2}: the same raw draws at
 * every analysis point, rescaled to the current weights. Frozen blocks do not move.
 *
 * <p>The loss is the run's, on a seeded subset of {@code points} training samples fixed for the run.
 * Cost: {@code steps1d + steps2d^2 + interpolationSteps + 2} forward passes. Grids finer than
 * {@link #MAX_1D} points ({@link #MAX_2D} per axis for the surface) are clamped with a notice.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=slices",
    ComponentProperties.DESCRIPTION + "=Loss along filter-normalized random directions (1D and 2D) and "
        + "along the line from initialization"})
public final class SliceAnalyzer implements Analyzer {

    /** The parameters of {@code slices}. */
    public @interface Settings {
        /** @return the sample count */
        @Param(value = "training samples in the loss (a seeded subset fixed for the run); 0 = all", min = 0)
        int points() default 0;

        /** @return the 1D grid size */
        @Param(value = "points of the 1D random slice; 0 = none", min = 0)
        int steps1d() default 41;

        /** @return the 2D grid size */
        @Param(value = "points per axis of the 2D random surface (steps2d^2 losses); 0 = none", min = 0)
        int steps2d() default 21;

        /** @return the slice half-width */
        @Param(value = "random slices span alpha, beta in [-range, range] (filter-normalized units)",
                min = 0, minExclusive = true)
        double range() default 1.0;

        /** @return the bias treatment */
        @Param(value = "bias directions: zero (Li et al.'s default) or normalize (rescaled to the bias's norm)",
                options = {"zero", "normalize"})
        String biases() default "zero";

        /** @return the interpolation grid size */
        @Param(value = "points on the line from the initial to the current point; 0 = none", min = 0)
        int interpolationSteps() default 31;

        /** @return the interpolation start */
        @Param("first alpha of the interpolation (0 = initial point, 1 = current point)")
        double interpolationFrom() default -0.25;

        /** @return the interpolation end */
        @Param("last alpha of the interpolation")
        double interpolationTo() default 1.25;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** The most points of a 1D grid (the random slice and the interpolation): more are clamped. */
    static final int MAX_1D = 10_001;
    /** The most points per axis of the 2D surface ({@code MAX_2D^2} forward passes): more are clamped. */
    static final int MAX_2D = 1_001;

    /** The grids' and directions' copies of the parameters, the surface and one forward pass. */
    @Override
    public long workspaceBytes(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        long grid = Math.min(c.steps2d(), MAX_2D);
        return Sizes.doubles(Sizes.sum(Sizes.product(5, model.layout().size()), Sizes.product(grid, grid),
                model.forwardValues(Samples.count(c.points(), data.train()))));
    }

    /**
     * Clamps grids finer than {@link #MAX_1D} ({@code steps1d}, {@code interpolationSteps}) or
     * {@link #MAX_2D} ({@code steps2d}) points, and {@code points} to the training samples, each with
     * a notice: the same slices at a coarser resolution.
     */
    @Override
    public List<String> adjustments(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        List<String> out = new ArrayList<>(Samples.notice(c.points(), data.train()));
        clampNotice(out, "steps1d", c.steps1d(), MAX_1D);
        clampNotice(out, "steps2d", c.steps2d(), MAX_2D);
        clampNotice(out, "interpolationSteps", c.interpolationSteps(), MAX_1D);
        return out;
    }

    private static void clampNotice(List<String> out, String name, int value, int max) {
        if (value > max) {
            out.add(name + " " + value + " is more than the " + max + " points a grid may have; the slice uses " + max);
        }
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        Objective f = new Objective(snapshot, c.points());
        Params w = snapshot.params();
        RandomStream random = snapshot.random();
        boolean biases = c.biases().equals("normalize");
        Params probe = w.zerosLike();
        if (c.steps1d() > 0 || c.steps2d() > 0) {
            Params d1 = FilterNormalization.direction(w, f, random.derive("slice.d1"), biases);
            if (c.steps1d() > 0) {
                double[] alpha = grid(-c.range(), c.range(), Math.min(c.steps1d(), MAX_1D));
                double[] loss = new double[alpha.length];
                for (int i = 0; i < alpha.length; i++) {
                    loss[i] = f.loss(probe.set(w).axpy(alpha[i], d1));
                }
                out.series("random1d", alpha, loss);
            }
            if (c.steps2d() > 0) {
                Params d2 = FilterNormalization.direction(w, f, random.derive("slice.d2"), biases);
                double[] alpha = grid(-c.range(), c.range(), Math.min(c.steps2d(), MAX_2D));
                double[] surface = new double[alpha.length * alpha.length];
                for (int i = 0; i < alpha.length; i++) {
                    for (int j = 0; j < alpha.length; j++) {
                        surface[i * alpha.length + j] = f.loss(probe.set(w).axpy(alpha[i], d1).axpy(alpha[j], d2));
                    }
                }
                out.matrix("random2d", alpha.length, alpha.length, surface);
            }
        }
        Params w0 = snapshot.initial();
        Params path = w.copy().axpy(-1, w0);
        if (c.interpolationSteps() > 0 && path.norm() > 0) {
            double[] alpha = grid(c.interpolationFrom(), c.interpolationTo(), Math.min(c.interpolationSteps(), MAX_1D));
            double[] loss = new double[alpha.length];
            double start = f.loss(w0);
            double end = f.loss(w);
            double barrier = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < alpha.length; i++) {
                loss[i] = f.loss(probe.set(w0).axpy(alpha[i], path));
                if (alpha[i] >= 0 && alpha[i] <= 1) {
                    barrier = Math.max(barrier, loss[i] - ((1 - alpha[i]) * start + alpha[i] * end));
                }
            }
            out.series("interpolation", alpha, loss);
            if (barrier > Double.NEGATIVE_INFINITY) {
                out.scalar("barrier", barrier);
            }
        }
    }

    /**
     * @param from the first value
     * @param to the last value
     * @param count values, at least 1 (1 gives {@code from})
     * @return evenly spaced values
     */
    static double[] grid(double from, double to, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        return g;
    }
}
