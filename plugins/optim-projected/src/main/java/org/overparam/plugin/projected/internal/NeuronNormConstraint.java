package org.overparam.plugin.projected.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Constraint;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.Params;

/**
 * The constraint {@code neuron-norm}: a bound on each hidden neuron's incoming weight vector, i.e. on
 * every row r of the trainable weight blocks with role INPUT or HIDDEN (shape {@code [out, in, ...]},
 * a row is one output unit's {@code in * ...} weights): {@code ||w_r - c_r|| <= B_r} with c the origin
 * ({@code center: zero}, a norm bound) or the reference point ({@code center: initial}, a per-neuron
 * ball around the initialization), and {@code B_r = bound}, or {@code bound * ||w0_r||} (the initial
 * row's norm) when {@code relative}. The set is a product of balls, so its Euclidean projection scales
 * each row that is too long independently. Output weights, biases and frozen blocks are left alone.
 */
@Component(service = Constraint.class, property = {
    ComponentProperties.NAME + "=neuron-norm",
    ComponentProperties.DESCRIPTION + "=Per-neuron bound on each hidden unit's incoming weight norm"})
public final class NeuronNormConstraint implements Constraint {

    /** The parameters of {@code neuron-norm}. */
    public @interface Settings {
        /** @return B, or its factor */
        @Param(value = "bound B on each row's norm (relative: B_r = bound * ||w0_r||)", min = 0)
        double bound() default 1.0;

        /** @return whether the bound is relative to the initial row norm */
        @Param("measure each row's bound in units of its initial norm ||w0_r||")
        boolean relative() default false;

        /** @return the center */
        @Param(value = "zero: bound ||w_r||; initial: bound ||w_r - w0_r|| (a per-neuron ball around the start)",
                options = {"zero", "initial"})
        String center() default "zero";
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
        for (int i = 0; i < trainable.length; i++) {
            BlockSpec b = point.layout().block(i);
            boolean hidden = b.role() == BlockRole.INPUT || b.role() == BlockRole.HIDDEN;
            if (!trainable[i] || !hidden || b.shape().rank() < 2) {
                continue;
            }
            int rows = b.shape().dim(0);
            int len = b.size() / rows;
            double[] p = point.block(i);
            double[] ref = reference.block(i);
            for (int r = 0; r < rows; r++) {
                int o = r * len;
                double bound = c.bound();
                if (c.relative()) {
                    double s = 0;
                    for (int j = o; j < o + len; j++) {
                        s += ref[j] * ref[j];
                    }
                    bound *= Math.sqrt(s);
                }
                double s = 0;
                for (int j = o; j < o + len; j++) {
                    double d = p[j] - center.at(reference, i, j);
                    s += d * d;
                }
                double norm = Math.sqrt(s);
                if (norm > bound) {
                    double f = bound / norm;
                    for (int j = o; j < o + len; j++) {
                        double cj = center.at(reference, i, j);
                        p[j] = cj + (p[j] - cj) * f;
                    }
                }
            }
        }
    }
}
