package org.overparam.plugin.gated.internal;

import org.overparam.api.Layout;
import org.overparam.api.Params;

/**
 * A gated surrogate converted into a plain ReLU network (see {@link ReluConversion} and
 * docs/gated-conversion.md): the weights of an fc network of width {@code 2m}, depth L, ReLU, no
 * bias, to be used with multipliers 1 (identity scaling), and the facts of the construction.
 *
 * @param layout fc's blocks: {@code W1 [2m, d]} (INPUT), {@code W2 .. WL [2m, 2m]} (HIDDEN),
 *     {@code W_out [k, 2m]} (OUTPUT)
 * @param params the converted weights
 * @param magnitudes per weight, the sum of the absolute values of the terms it was computed from
 *     (e.g. {@code |W0| + |W|} for {@code W0 - W}); the rounding bound reads them
 * @param c the scale of the construction, {@code safety * ratio} (1 when no unit constrains it)
 * @param ratio {@code min |z0| / |W v|} over the passing inputs and every unit of every layer
 *     ({@code +inf} when no unit has {@code W v != 0})
 * @param margin {@code min (|z0| - c |W v|)} over the passing inputs and every unit, the slack of
 *     the margin condition (positive: it holds); {@code NaN} when every input fails
 * @param failing the indices of the inputs where some gate pre-activation has
 *     {@code |z0| <= mu * sum_k |W0_jk a0_k|}; the converted network is not guaranteed there
 * @param failingMargins for each failing input, its smallest {@code |z0| / sum_k |W0_jk a0_k|}
 */
record Conversion(Layout layout, Params params, Params magnitudes, double c, double ratio, double margin,
                  int[] failing, double[] failingMargins) {

    /**
     * @param i an input index
     * @return whether the input passed the margin condition
     */
    boolean passes(int i) {
        return java.util.Arrays.binarySearch(failing, i) < 0;
    }
}
