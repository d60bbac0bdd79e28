package org.overparam.api;

/**
 * What one dense layer {@code z = W a + b} contributes to the empirical NTK for one output
 * coordinate. With {@code X} the layer inputs ({@code n x in}) and {@code G} the back-propagated
 * signals {@code d f_o / d z} ({@code n x out}), the layer's Gram contribution is
 * {@code (X X^T) .* (G G^T) + biasScale^2 (G G^T)}: O(n^2 (in + out)) work, never the
 * {@code n x P} Jacobian.
 *
 * <p>Inputs are in raw-parameter coordinates: a model wrapped by {@link Scaling#wrap} has already
 * multiplied them by the block's forward multipliers.
 *
 * @param weightBlock the weight block's name
 * @param biasBlock the bias block's name, or {@code null} if the layer has no bias
 * @param n the number of samples
 * @param in the layer's input width
 * @param out the layer's output width
 * @param inputs {@code n x in} layer inputs
 * @param signals {@code n x out} back-propagated signals
 * @param biasScale the bias block's multiplier (1 without scaling)
 */
public record DenseLayerPiece(String weightBlock, String biasBlock, int n, int in, int out,
                              double[] inputs, double[] signals, double biasScale) {
}
