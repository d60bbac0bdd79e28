package org.overparam.nn;

/**
 * One R-operator forward pass of a {@link BoundLayer} (Pearlmutter 1994): the directional
 * derivative {@code R{y} = d/dr y(w + r v, x + r dx)} at {@code r = 0} of the outputs, and what the
 * R-backward pass needs.
 */
public interface Tangent {
    /** @return {@code n x outputShape} tangent of the outputs, or {@code null} when it is zero */
    double[] output();
}
