/**
 * The engine's implementation: the component registry (tracking plugin services as bundles come and
 * go) and the run loop behind {@link org.overparam.api.run.ExperimentRunner}. Private: nothing here
 * is exported; other bundles reach it only through the services of {@code org.overparam.api.run}.
 */
package org.overparam.engine.internal;
