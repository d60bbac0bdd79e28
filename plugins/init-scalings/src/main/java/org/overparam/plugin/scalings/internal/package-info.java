/**
 * The parameterizations {@code ntk}, {@code standard}, {@code mean-field} and {@code per-layer}, thin
 * named cases of one general per-block rule ({@link org.overparam.plugin.scalings.internal.BlockRule},
 * chosen by {@link org.overparam.plugin.scalings.internal.Scheme}). Private: nothing here is exported.
 */
package org.overparam.plugin.scalings.internal;
