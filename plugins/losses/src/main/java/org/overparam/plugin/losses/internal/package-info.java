/**
 * The losses {@code squared} and {@code cross-entropy}: values, gradients and exact
 * Hessian-vector products in the model's outputs. Private: nothing here is exported.
 */
package org.overparam.plugin.losses.internal;
