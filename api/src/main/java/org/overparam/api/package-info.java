/**
 * The contract of Overparam: the services plugins implement (Architecture, Initializer, Loss,
 * Optimizer, Schedule, Constraint, Analyzer, Dataset) and the values they exchange.
 *
 * <p>Two rules carry the design. Parameters and optimizer state belong to the run: plugins compute
 * on {@link org.overparam.api.Params} and {@link org.overparam.api.State} handed to them
 * and never keep them, so any component can be swapped between two steps. Analyzers compute from
 * per-layer pieces ({@link org.overparam.api.DenseLayerPiece}), so the NTK never needs the full
 * Jacobian.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.overparam.api;
