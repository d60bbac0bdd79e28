/**
 * The loss-landscape analyzers {@code hessian}, {@code slices} and {@code convexity}. Private:
 * nothing here is exported.
 */
package org.overparam.plugin.landscape.internal;
