/**
 * What front ends (command line, Gogo shell, tests) call: the component registry, experiment
 * specs, the runner and its events, the run store (runs, parameters, provenance, metrics and
 * artifacts, with queries, comparisons and exports), and reports of finished runs. Implemented by
 * Overparam's own bundles, not by plugins.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.overparam.api.run;
