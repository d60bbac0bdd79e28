/**
 * The momentum methods {@code heavy-ball} and {@code nesterov} in the form of Liu, Pan and Tao
 * (arXiv 2107.01832), their shared state rule ({@link org.overparam.plugin.momentum.internal.Velocity})
 * and step-size choice ({@link org.overparam.plugin.momentum.internal.Tuning}). Private: nothing here
 * is exported.
 */
package org.overparam.plugin.momentum.internal;
