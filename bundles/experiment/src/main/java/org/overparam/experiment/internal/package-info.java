/**
 * Experiment files: a YAML reader that keeps the line of every key and value, command-line
 * overrides, validation against the registry's component schemas, and the resolved spec text.
 * Private to the bundle; other bundles reach it through {@link org.overparam.api.run.SpecReader}.
 */
package org.overparam.experiment.internal;
