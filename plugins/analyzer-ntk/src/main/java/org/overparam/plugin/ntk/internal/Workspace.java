package org.overparam.plugin.ntk.internal;

import org.overparam.api.Model;
import org.overparam.api.Sizes;

/**
 * Memory of one Gram computation, for {@code Analyzer.workspaceBytes}: the {@code R x R} Gram, the
 * eigensolver's copy of it and its eigenvectors ({@code 3 R^2} doubles; {@code R} rows = samples
 * times outputs), the per-layer pieces of the structured path (a forward pass over the samples and
 * its back-propagated signals: twice the model's {@code forwardValues}) or the Jacobian path's two
 * row blocks (its budget, or {@code 2 R P} doubles when that is less); the larger of the two for
 * {@code auto}, which takes one path or the other.
 */
final class Workspace {
    private Workspace() {
    }

    /**
     * @param model the run's model
     * @param samples the samples the Gram is computed on
     * @param rows the Gram's order R
     * @param path {@code auto}, {@code structured} or {@code jacobian}
     * @param jacobianMb the Jacobian path's budget in MiB
     * @return bytes
     * @throws ArithmeticException if the count exceeds {@code 2^63-1}
     */
    static long gram(Model model, long samples, long rows, String path, int jacobianMb) {
        long gram = Sizes.doubles(Sizes.product(3, rows, rows));
        long pieces = Sizes.doubles(Sizes.product(2, model.forwardValues(samples)));
        long jacobian = Math.min((long) jacobianMb << 20, Sizes.doubles(Sizes.product(2, rows, model.layout().size())));
        return Sizes.sum(gram, switch (path) {
            case "structured" -> pieces;
            case "jacobian" -> jacobian;
            default -> Math.max(pieces, jacobian);
        });
    }
}
