/**
 * The analyzer {@code kernel}: the infinite-width NNGP and NTK of a network composed of
 * {@code org.overparam.nn} layers beside the empirical NTK at the run's width. Private.
 */
package org.overparam.plugin.kernel.internal;
