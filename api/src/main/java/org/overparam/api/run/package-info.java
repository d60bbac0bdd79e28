/**
 * What front ends (command line, Gogo shell, tests) call: the component registry, experiment
 * specs, the runner and its events. Implemented by Overparam's own bundles, not by plugins.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.overparam.api.run;
