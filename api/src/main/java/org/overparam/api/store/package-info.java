/**
 * The run store: every run's record (its spec, parameters, provenance, outcome, metrics and
 * artifacts) and what front ends ask of it, queries by status, tags and parameters, comparisons,
 * aggregates over seeds and exports ({@link org.overparam.api.store.RunStore}). Implemented by
 * Overparam's store bundle and fed by the engine, not by plugins.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.overparam.api.store;
