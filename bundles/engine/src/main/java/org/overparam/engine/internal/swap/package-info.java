/**
 * What may change between two steps of a run, and the container side of it. {@code HotSwap} is the
 * loop's one boundary hook and the one owner of what is in effect ({@code InEffect}: optimizer,
 * schedule, analyzers; and the model built by the architecture in effect): it applies the spec's
 * switches and swap requests ({@code SwapApplier}, {@code SwapChanges}, {@code SwapFiles}) and binds
 * each step's components through the {@code StepGate}, which pauses the run while one cannot take
 * over; {@code SwapLedger} records each swap. The container side, as DS components and their helpers:
 * {@code ActiveRuns} and {@code RunControl} (the runs that may be asked to stop, and when),
 * {@code PluginDeployer}, {@code RefreshPolicy} and {@code HotSwapControl} (installing plugins/ and
 * refreshing packages only while no run is active), {@code StaleRevisions} and
 * {@code UnreadableJars}. Private to the engine bundle.
 */
package org.overparam.engine.internal.swap;
