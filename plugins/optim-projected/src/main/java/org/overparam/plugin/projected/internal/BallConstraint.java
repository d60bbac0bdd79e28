package org.overparam.plugin.projected.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Constraint;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.Params;

/**
 * The constraint {@code ball}: {@code ||w - c|| <= R} over the trainable blocks taken together, c the
 * run's reference point (its initialization, {@code center: initial}) or the origin, and
 * {@code R = radius}, or {@code radius * ||w_0||} (the reference's norm over the trainable blocks) when
 * {@code relative}. The Euclidean projection scales {@code w - c} down to length R when it is longer:
 * {@code w <- c + (w - c) R / ||w - c||}. Frozen blocks are left alone. This is the ball around a
 * reference point of arXiv 2210.12001's feasible set.
 */
@Component(service = Constraint.class, property = {
    ComponentProperties.NAME + "=ball",
    ComponentProperties.DESCRIPTION + "=Ball ||w - w0|| <= R around the initialization (or the origin)"})
public final class BallConstraint implements Constraint {

    /** The parameters of {@code ball}. */
    public @interface Settings {
        /** @return R, or its factor */
        @Param(value = "radius R (relative: R = radius * ||w0|| over the trainable blocks)", min = 0)
        double radius() default 1.0;

        /** @return whether the radius is relative to the reference's norm */
        @Param("measure the radius in units of the initial point's norm ||w0||")
        boolean relative() default false;

        /** @return the center */
        @Param(value = "the ball's center: the initial point (the run's reference) or the origin",
                options = {"initial", "zero"})
        String center() default "initial";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @throws InvalidInputException naming {@code center} when it is unknown */
    @Override
    public void project(Config config, Params reference, boolean[] trainable, Params point) {
        Settings c = config.as(Settings.class);
        Center center = Center.of(c.center());
        double r = c.radius();
        if (c.relative()) {
            double s = 0;
            for (int i = 0; i < trainable.length; i++) {
                if (trainable[i]) {
                    double n = reference.blockNorm(i);
                    s += n * n;
                }
            }
            r *= Math.sqrt(s);
        }
        double s = 0;
        for (int i = 0; i < trainable.length; i++) {
            if (trainable[i]) {
                double[] p = point.block(i);
                for (int j = 0; j < p.length; j++) {
                    double d = p[j] - center.at(reference, i, j);
                    s += d * d;
                }
            }
        }
        double norm = Math.sqrt(s);
        if (norm <= r) {
            return;
        }
        double f = r / norm;
        for (int i = 0; i < trainable.length; i++) {
            if (trainable[i]) {
                double[] p = point.block(i);
                for (int j = 0; j < p.length; j++) {
                    double cj = center.at(reference, i, j);
                    p[j] = cj + (p[j] - cj) * f;
                }
            }
        }
    }
}
