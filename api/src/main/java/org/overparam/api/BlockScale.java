package org.overparam.api;

/**
 * The forward multiplier of one parameter block: the network computes with the effective value
 * {@code scalar * perInput[j] * w[i, j, ...]} where {@code j} is the index along axis 1 (the input
 * axis of a {@code [out, in, ...]} weight). For a bias or when {@code perInput} is {@code null} the
 * multiplier is the scalar alone.
 *
 * <p>Examples: the NTK parameterization uses {@code scalar = sqrt(c / fanIn)}; asymmetrical node
 * scaling (arXiv 2302.01002) puts {@code perInput[j] = sqrt(lambda_j)} on the output layer.
 *
 * @param scalar the block's scalar multiplier
 * @param perInput per-input-unit multipliers (length = size of axis 1), or {@code null}
 */
public record BlockScale(double scalar, double[] perInput) {
    /** The identity multiplier. */
    public static final BlockScale ONE = new BlockScale(1.0, null);

    /**
     * @param scalar the multiplier
     * @return a scalar-only multiplier
     */
    public static BlockScale of(double scalar) {
        return new BlockScale(scalar, null);
    }

    /** @return whether this multiplies by exactly 1 everywhere */
    public boolean isIdentity() {
        return scalar == 1.0 && perInput == null;
    }
}
