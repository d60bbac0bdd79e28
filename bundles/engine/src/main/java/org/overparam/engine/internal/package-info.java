/**
 * The engine's implementation, private to the bundle. This package holds the DS components and one
 * run from its spec to its result: {@code EngineRunner} (the {@link org.overparam.api.run.ExperimentRunner}),
 * {@code Run} (a run's one path for a new run and a resumed one), {@code RunSetup} and the memory
 * guard (everything before the first write to disk) and {@code Resume} (the checks before a run
 * continues in its folder). The sub-packages hold the rest by concern: {@code registry} (which
 * components are installed, and the run's lookups), {@code folder} (what a run writes),
 * {@code checkpoint} (the state between two steps, on disk), {@code swap} (what may change between
 * two steps, and the runs the container may stop) and {@code loop} (the steps). Nothing here is
 * exported; other bundles reach it only through the services of {@code org.overparam.api.run}.
 */
package org.overparam.engine.internal;
