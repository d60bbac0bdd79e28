package org.overparam.plugin.ntk.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.overparam.api.Batch;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;

/**
 * The empirical NTK Gram {@code K_ij = <grad_w f(x_i), grad_w f(x_j)>} over the trainable blocks,
 * by one of two paths that agree to rounding: {@link StructuredGram} (per-layer pieces, for nets of
 * dense layers) and {@link JacobianGram} (per-sample gradients, any model). Public so that the
 * benchmark can call it; the package is private to the bundle.
 */
public final class NtkGram {
    /** How to compute the Gram. */
    public enum Path {
        /** Structured when the model gives pieces that cover every trainable block, else Jacobian. */
        AUTO,
        /** Per-layer pieces only; refused for models without them. */
        STRUCTURED,
        /** Per-sample gradients through forward and backward, for any model. */
        JACOBIAN;

        /**
         * @param key {@code auto}, {@code structured} or {@code jacobian}
         * @return the path
         * @throws InvalidInputException naming {@code path} for any other key
         */
        public static Path of(String key) {
            return switch (key) {
                case "auto" -> AUTO;
                case "structured" -> STRUCTURED;
                case "jacobian" -> JACOBIAN;
                default -> throw new InvalidInputException("path", "unknown path '" + key
                        + "'; choose auto, structured or jacobian");
            };
        }
    }

    /**
     * A computed Gram.
     *
     * @param order its order (n, or n k for the full kernel)
     * @param values {@code order x order}, row-major, symmetric
     * @param structured whether the structured path computed it
     */
    public record Gram(int order, double[] values, boolean structured) {
    }

    private NtkGram() {
    }

    /**
     * The Gram of one output, or summed over several outputs ({@code sum_o K_oo}, the trace over the
     * output axis as neural-tangents' {@code trace_axes}).
     *
     * @param model the model
     * @param params the point; not modified
     * @param batch the n samples
     * @param outputs output indices in {@code [0, k)}, at least one
     * @param trainable which block positions count (frozen blocks are left out)
     * @param path the path
     * @param memoryBytes the Jacobian path's budget for its row blocks
     * @return the {@code n x n} Gram
     * @throws InvalidInputException naming {@code path} if the structured path was asked for and the
     *     model cannot give it
     */
    public static Gram trace(Model model, Params params, Batch batch, int[] outputs, IntPredicate trainable,
                             Path path, long memoryBytes) {
        for (int o : outputs) {
            if (o < 0 || o >= model.outputSize()) {
                throw new InvalidInputException("output", "output " + o + " is outside [0, " + model.outputSize()
                        + "): the model has " + model.outputSize() + " outputs");
            }
        }
        List<DenseLayerPiece> pieces = structuredPieces(model, params, batch, outputs[0], trainable, path);
        if (pieces != null) {
            return new Gram(batch.n(), StructuredGram.trace(model, params, batch, outputs, trainable, pieces), true);
        }
        return new Gram(batch.n(), JacobianGram.trace(model, params, batch, outputs, trainable, memoryBytes), false);
    }

    /**
     * The full kernel with cross-output terms, the one gradient descent on a squared loss sees.
     *
     * @param model the model
     * @param params the point; not modified
     * @param batch the n samples
     * @param trainable which block positions count
     * @param path the path
     * @param memoryBytes the Jacobian path's budget
     * @return the {@code (n k) x (n k)} Gram, rows sample-major ({@code i * k + o})
     * @throws InvalidInputException naming {@code path} as for {@link #trace}
     */
    public static Gram full(Model model, Params params, Batch batch, IntPredicate trainable, Path path,
                            long memoryBytes) {
        int order = batch.n() * model.outputSize();
        List<DenseLayerPiece> pieces = structuredPieces(model, params, batch, 0, trainable, path);
        if (pieces != null) {
            return new Gram(order, StructuredGram.full(model, params, batch, trainable, pieces), true);
        }
        return new Gram(order, JacobianGram.full(model, params, batch, trainable, memoryBytes), false);
    }

    /** @return the first output's pieces when the structured path applies, else {@code null} */
    private static List<DenseLayerPiece> structuredPieces(Model model, Params params, Batch batch, int output,
                                                          IntPredicate trainable, Path path) {
        if (path == Path.JACOBIAN) {
            return null;
        }
        Optional<List<DenseLayerPiece>> pieces = model.denseLayerPieces(params, batch, output);
        String why = pieces.isEmpty() ? "the model gives no dense-layer pieces (e.g. it has convolutions)"
                : StructuredGram.unsupported(model.layout(), pieces.get(), trainable);
        if (why == null) {
            return pieces.get();
        }
        if (path == Path.STRUCTURED) {
            throw new InvalidInputException("path", "the structured NTK is not available: " + why
                    + "; use path auto or jacobian");
        }
        return null;
    }
}
