/**
 * The analyzer {@code dynamics}: losses, accuracies and relative weight movement. Private: nothing
 * here is exported.
 */
package org.overparam.plugin.dynamics.internal;
