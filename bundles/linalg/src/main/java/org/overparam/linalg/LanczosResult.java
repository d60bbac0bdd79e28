package org.overparam.linalg;

/**
 * What a {@link Lanczos} run found.
 *
 * @param eigen the Ritz values (most extreme first: descending for the largest, ascending for the
 *     smallest) and, if asked for, the Ritz vectors
 * @param residuals for each Ritz value, the bound {@code |beta_j s_ji|} on
 *     {@code ||A y - theta y||} (with {@code y} the unit Ritz vector)
 * @param iterations operator applications used
 * @param converged whether every residual met the tolerance
 */
public record LanczosResult(EigenSystem eigen, double[] residuals, int iterations, boolean converged) {
    /** @return the Ritz values, most extreme first */
    public double[] values() {
        return eigen.values();
    }
}
