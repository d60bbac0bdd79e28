/**
 * What front ends (command line, Gogo shell, tests) call: the component registry, experiment
 * specs, the runner and its events, and reports of finished runs. The run store's records and
 * queries are in {@link org.overparam.api.store} (moved there in 2.0.0). Implemented by
 * Overparam's own bundles, not by plugins.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.4.0")
package org.overparam.api.run;
