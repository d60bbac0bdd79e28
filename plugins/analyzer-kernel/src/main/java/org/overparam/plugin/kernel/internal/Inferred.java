package org.overparam.plugin.kernel.internal;

import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Scaling;
import org.overparam.nn.Parameterization;

/**
 * The parameterization a run's multipliers put in force, as the analytic kernel knows them: NTK
 * when every weight block is multiplied by {@code 1/sqrt(fanIn)} (raw N(0, 1) values; the layers'
 * {@code sigma_w^2} are then 1), standard when every multiplier is 1. Anything else is refused,
 * naming the first block that fits neither.
 */
final class Inferred {
    private static final double TOLERANCE = 1e-12;

    private Inferred() {
    }

    /**
     * @param scaling the run's multipliers
     * @return the parameterization
     * @throws InvalidInputException naming the block whose multiplier fits neither, or a bias block
     */
    static Parameterization of(Scaling scaling) {
        Layout layout = scaling.layout();
        boolean ntk = true;
        boolean standard = true;
        for (int i = 0; i < layout.count(); i++) {
            BlockSpec b = layout.block(i);
            BlockScale s = scaling.scale(i);
            if (b.role() == BlockRole.BIAS) {
                throw new InvalidInputException("", "block " + b.name() + " is a bias; the analytic kernel here "
                        + "covers networks without biases");
            }
            if (s.perInput() != null) {
                throw new InvalidInputException("", "block " + b.name() + " has per-input multipliers; the analytic "
                        + "kernel knows the NTK (1/sqrt(fan_in)) and standard (1) parameterizations");
            }
            ntk &= Math.abs(s.scalar() * Math.sqrt(b.fanIn()) - 1) <= TOLERANCE;
            standard &= Math.abs(s.scalar() - 1) <= TOLERANCE;
            if (!ntk && !standard) {
                throw new InvalidInputException("", "block " + b.name() + " has the multiplier " + s.scalar()
                        + " (fan-in " + b.fanIn() + "); the analytic kernel knows the NTK parameterization "
                        + "(1/sqrt(fan_in) on every block: initializer {name: ntk, variance: 1, outputVariance: 1}) "
                        + "and the standard one (1 on every block)");
            }
        }
        return ntk ? Parameterization.NTK : Parameterization.STANDARD;
    }
}
