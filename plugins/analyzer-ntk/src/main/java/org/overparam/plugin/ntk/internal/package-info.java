/**
 * The analyzers {@code ntk} (the empirical NTK Gram, structured and Jacobian paths),
 * {@code linearized} (the NTK-regime prediction of the training curve) and {@code bounds} (the
 * theory's width and iteration requirements beside the run). Private: nothing here is exported.
 */
package org.overparam.plugin.ntk.internal;
