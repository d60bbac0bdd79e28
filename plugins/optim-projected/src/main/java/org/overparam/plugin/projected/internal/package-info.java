/**
 * Projected gradient descent {@code projected-gd} and the constraint sets {@code ball} and
 * {@code neuron-norm} (the engine intersects several with Dykstra's algorithm), for the constrained
 * formulation of narrow networks of Zhang, Zhang, Hong, Sun and Luo (arXiv 2210.12001). Private:
 * nothing here is exported.
 */
package org.overparam.plugin.projected.internal;
