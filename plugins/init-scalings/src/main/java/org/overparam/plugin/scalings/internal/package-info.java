/**
 * The parameterizations {@code ntk} and {@code standard}, thin named cases of one general
 * per-block rule ({@link org.overparam.plugin.scalings.internal.BlockRule}). Private: nothing here
 * is exported.
 */
package org.overparam.plugin.scalings.internal;
