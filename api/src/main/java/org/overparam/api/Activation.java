package org.overparam.api;

/**
 * The pre-activations of one hidden layer on a batch; a unit is "on" for a sample when its value
 * is positive. Analyzers compare these patterns over time (the fraction of flipped ReLU patterns,
 * arXiv 1811.03962). For the gated surrogate these are the frozen gate's pre-activations.
 *
 * @param layer the layer's name
 * @param width the number of units (for a convolution: channels x positions)
 * @param preActivations {@code n x width} values, row-major
 */
public record Activation(String layer, int width, double[] preActivations) {
}
