/**
 * The steps of one run. {@code StepLoop.run} reads, for each step: the boundary ({@code Boundary}: a
 * stop request, a due checkpoint, then the hot-swap hook), the step ({@code OptimizerStep}: the
 * schedule's factor and the optimizer's step on the run's {@code Oracle}, inside the feasible set of
 * its {@code Projector}), the stop rule, and the analyses due ({@code Analyses}, each analyzer seeing a
 * {@code SnapshotImpl}). {@code Prepared} is what the loop starts from; {@code Restore} puts a
 * checkpoint into it; {@code Outcome} is how the loop ended. Private to the engine bundle.
 */
package org.overparam.engine.internal.loop;
